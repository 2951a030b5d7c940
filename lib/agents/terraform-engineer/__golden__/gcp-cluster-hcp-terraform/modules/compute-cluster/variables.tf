variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "region" {
  description = "Region of the cluster (regional clusters span three zones)."
  type        = string
}

variable "network_id" {
  description = "VPC network."
  type        = string
}

variable "subnet_id" {
  description = "Subnet with secondary ranges for pods and services."
  type        = string
}

variable "release_channel" {
  description = "GKE release channel."
  type        = string
  default     = "REGULAR"

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE"], var.release_channel)
    error_message = "The release channel is RAPID, REGULAR or STABLE."
  }
}

variable "machine_type" {
  description = "Machine type of the nodes."
  type        = string
  default     = "n2-standard-4"
}

variable "node_min_count" {
  description = "Fewest nodes per zone."
  type        = number
  default     = 1
}

variable "node_max_count" {
  description = "Most nodes per zone."
  type        = number
  default     = 3

  validation {
    condition     = var.node_max_count >= 1 && var.node_max_count <= 100
    error_message = "Use between 1 and 100 nodes per zone."
  }
}

variable "labels" {
  description = "Labels added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}
