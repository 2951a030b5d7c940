variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of the subnet."
  type        = string
}

variable "cidr_block" {
  description = "Primary IPv4 range of the subnet; pods and services get ranges next to it."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "Give a valid IPv4 CIDR block of /16 or larger: pods need room."
  }
}
