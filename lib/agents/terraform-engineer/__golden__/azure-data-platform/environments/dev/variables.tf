variable "environment" {
  description = "Name of the environment this root module manages."
  type        = string

  validation {
    condition     = var.environment == "dev"
    error_message = "This root module manages dev only."
  }
}

variable "region" {
  description = "Microsoft Azure region of the environment."
  type        = string

  validation {
    condition     = var.region == "westeurope"
    error_message = "dev runs in westeurope; change the region in the request, not here."
  }
}

variable "subscription_id" {
  description = "Azure subscription of the environment."
  type        = string

  validation {
    condition     = can(regex("^[0-9a-f-]{36}$", var.subscription_id))
    error_message = "Give the subscription ID (a GUID)."
  }
}

variable "tag_values" {
  description = "Values of the mandatory tags that differ per environment."
  type        = map(string)

  validation {
    condition     = alltrue([for key in ["cost-center"] : contains(keys(var.tag_values), key)])
    error_message = "Set a value for every mandatory tag: cost-center."
  }
}

variable "dns_zone_name" {
  description = "DNS zone this environment manages."
  type        = string
}
