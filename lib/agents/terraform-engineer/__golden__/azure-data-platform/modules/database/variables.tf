variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "resource_group_name" {
  description = "Resource group of the server."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"

  validation {
    condition     = contains(["14", "15", "16", "17"], var.postgres_version)
    error_message = "Choose PostgreSQL 14, 15, 16 or 17."
  }
}

variable "sku_name" {
  description = "Compute tier and size, e.g. GP_Standard_D4ds_v5."
  type        = string
  default     = "GP_Standard_D4ds_v5"

  validation {
    condition     = can(regex("^(B|GP|MO)_", var.sku_name))
    error_message = "SKU names start with B_, GP_ or MO_."
  }
}

variable "storage_mb" {
  description = "Storage in MB."
  type        = number
  default     = 131072
}

variable "backup_retention_days" {
  description = "Days of point-in-time recovery."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Flexible server keeps backups for 7 to 35 days."
  }
}

variable "delegated_subnet_id" {
  description = "Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers."
  type        = string
}

variable "private_dns_zone_id" {
  description = "Private DNS zone linked to the virtual network."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
