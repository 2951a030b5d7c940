variable "environment" {
  description = "Name of the environment this root module manages."
  type        = string

  validation {
    condition     = var.environment == "production"
    error_message = "This root module manages production only."
  }
}

variable "region" {
  description = "Amazon Web Services region of the environment."
  type        = string

  validation {
    condition     = var.region == "eu-west-1"
    error_message = "production runs in eu-west-1; change the region in the request, not here."
  }
}
