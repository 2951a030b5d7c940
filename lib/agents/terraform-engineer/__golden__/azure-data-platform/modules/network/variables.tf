variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "resource_group_name" {
  description = "Resource group of the network."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "address_space" {
  description = "IPv4 range of the virtual network."
  type        = string

  validation {
    condition     = can(cidrhost(var.address_space, 0)) && tonumber(split("/", var.address_space)[1]) <= 20
    error_message = "Give a valid IPv4 CIDR block of /20 or larger."
  }
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
