variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "Bucket names are 3-63 lowercase letters, digits, dots, underscores and hyphens."
  }
}

variable "location" {
  description = "Region or multi-region of the bucket."
  type        = string
}

variable "noncurrent_version_days" {
  description = "Days old versions are kept."
  type        = number
  default     = 90
}

variable "labels" {
  description = "Labels added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
