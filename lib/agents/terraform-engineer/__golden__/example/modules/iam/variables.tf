variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's OIDC provider."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.oidc_provider_arn))
    error_message = "Give the ARN of an IAM OIDC provider."
  }
}

variable "workload_roles" {
  description = "Roles by short name: the service account (namespace/name) that assumes it and the policies it gets."
  type = map(object({
    service_account = string
    policy_arns     = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for role in values(var.workload_roles) : can(regex("^[a-z0-9-]+/[a-z0-9-]+$", role.service_account))])
    error_message = "Write service accounts as namespace/name."
  }
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
