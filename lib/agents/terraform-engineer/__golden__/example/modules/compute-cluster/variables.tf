variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane, e.g. 1.33."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "Write the version as 1.NN, e.g. 1.33."
  }
}

variable "subnet_ids" {
  description = "Private subnets for the control plane and the nodes."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "Give at least 2 subnets, in different availability zones."
  }
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["m7i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes."
  type        = number
  default     = 9

  validation {
    condition     = var.node_max_size >= 1 && var.node_max_size <= 450
    error_message = "The node group holds between 1 and 450 nodes."
  }
}

variable "public_endpoint" {
  description = "Expose the API server endpoint publicly (restricted to public_access_cidrs)."
  type        = bool
  default     = false
}

variable "public_access_cidrs" {
  description = "CIDR blocks allowed to reach a public API endpoint."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.public_access_cidrs : can(cidrhost(cidr, 0))])
    error_message = "Every entry must be an IPv4 CIDR block."
  }
}

variable "tags" {
  description = "Tags added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
