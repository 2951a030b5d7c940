variable "storage_account_name" {
  description = "Globally unique storage account name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "Storage account names are 3-24 lowercase letters and digits."
  }
}

variable "resource_group_name" {
  description = "Resource group of the account."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "container_name" {
  description = "Blob container to create."
  type        = string
  default     = "data"
}

variable "soft_delete_days" {
  description = "Days deleted blobs and containers can be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.soft_delete_days >= 1 && var.soft_delete_days <= 365
    error_message = "Soft delete keeps data for 1 to 365 days."
  }
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
