# Variables of the payments-core network; the values per environment are in environments/*.tfvars.

variable "network_name" {
  type        = string
  description = "Name prefix of every network resource."

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.network_name))
    error_message = "Use lowercase letters, digits and hyphens."
  }
}

variable "environment" {
  type        = string
  description = "The environment this network serves."
}

variable "region" {
  type        = string
  description = "The region the network lives in."
}

variable "network_cidr" {
  type        = string
  description = "The base CIDR every subnet is carved from."

  validation {
    condition     = can(cidrhost(var.network_cidr, 0))
    error_message = "Give the base as a CIDR block, e.g. 10.20.0.0/16."
  }
}

variable "availability_zones" {
  type        = list(string)
  description = "Zones the subnets are spread over, in plan order."

  validation {
    condition     = length(var.availability_zones) > 0
    error_message = "List at least one zone."
  }
}

variable "subnets" {
  type = map(object({
    cidr_block        = string
    availability_zone = string
    tier              = string
    kind              = string
  }))

  description = "Every subnet of the plan, keyed by name."

  validation {
    condition     = alltrue([for subnet in values(var.subnets) : can(cidrhost(subnet.cidr_block, 0)) && tonumber(split("/", subnet.cidr_block)[1]) <= 28])
    error_message = "Each subnet must be a CIDR block of /28 or larger."
  }

  validation {
    condition     = alltrue([for subnet in values(var.subnets) : contains(["public", "private", "data", "custom"], subnet.kind)])
    error_message = "A subnet's kind is public, private, data or custom."
  }
}

variable "nat_strategy" {
  type        = string
  description = "per-zone, single or none."

  validation {
    condition     = contains(["per-zone", "single", "none"], var.nat_strategy)
    error_message = "Use per-zone, single or none."
  }
}

variable "load_balancer" {
  type        = string
  description = "application, network, both or none."

  validation {
    condition     = contains(["application", "network", "both", "none"], var.load_balancer)
    error_message = "Use application, network, both or none."
  }
}

variable "egress_filtering" {
  type        = string
  description = "none, fqdn-allowlist or proxy."

  validation {
    condition     = contains(["none", "fqdn-allowlist", "proxy"], var.egress_filtering)
    error_message = "Use none, fqdn-allowlist or proxy."
  }
}

variable "egress_allowlist" {
  type        = list(string)
  description = "Domains workloads may reach when egress is filtered by FQDN."
  default     = []
}

variable "dns_zones" {
  type        = list(string)
  description = "DNS zones associated with the network."
  default     = []
}

variable "flow_logs_enabled" {
  type        = bool
  description = "Record flow logs for forensics and compliance."
  default     = true
}

variable "peer_networks" {
  type = map(object({
    cidr_block = string
    type       = string
  }))

  description = "Networks routed to this one; none may overlap network_cidr."
  default     = {}

  validation {
    condition     = alltrue([for peer in values(var.peer_networks) : can(cidrhost(peer.cidr_block, 0))])
    error_message = "Give each peer network as a CIDR block."
  }
}
