variable "environment" {
  description = "Name of the environment this root module manages."
  type        = string

  validation {
    condition     = var.environment == "production"
    error_message = "This root module manages production only."
  }
}

variable "region" {
  description = "Google Cloud region of the environment."
  type        = string

  validation {
    condition     = var.region == "europe-west4"
    error_message = "production runs in europe-west4; change the region in the request, not here."
  }
}

variable "project_id" {
  description = "Google Cloud project of the environment."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "Project IDs are 6-30 lowercase letters, digits and hyphens."
  }
}
