variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "workload_accounts" {
  description = "Service accounts by short name: the Kubernetes service account (namespace/name) and the project roles."
  type = map(object({
    service_account = string
    roles           = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for account in values(var.workload_accounts) : can(regex("^[a-z0-9-]+/[a-z0-9-]+$", account.service_account))])
    error_message = "Write service accounts as namespace/name."
  }
}
