variable "zone_name" {
  description = "DNS name of the zone, e.g. payments.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "Give a fully qualified domain name in lowercase."
  }
}

variable "resource_group_name" {
  description = "Resource group of the zone."
  type        = string
}

variable "a_records" {
  description = "A records by name relative to the zone (\"@\" for the apex)."
  type        = map(list(string))
  default     = {}
}

variable "cname_records" {
  description = "CNAME records by name relative to the zone."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
