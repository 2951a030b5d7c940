# staging network of payments-core: Amazon Web Services, eu-west-1.
# Generated from the CIDR plan; 51,712 addresses of 10.21.0.0/16 stay free.

network_name       = "payments-core"
environment        = "staging"
region             = "eu-west-1"
network_cidr       = "10.21.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

subnets = {
  staging-public-a = {
    cidr_block        = "10.21.48.0/24"
    availability_zone = "eu-west-1a"
    tier              = "public"
    kind              = "public"
  }

  staging-public-b = {
    cidr_block        = "10.21.49.0/24"
    availability_zone = "eu-west-1b"
    tier              = "public"
    kind              = "public"
  }

  staging-public-c = {
    cidr_block        = "10.21.50.0/24"
    availability_zone = "eu-west-1c"
    tier              = "public"
    kind              = "public"
  }

  staging-private-a = {
    cidr_block        = "10.21.0.0/20"
    availability_zone = "eu-west-1a"
    tier              = "private"
    kind              = "private"
  }

  staging-private-b = {
    cidr_block        = "10.21.16.0/20"
    availability_zone = "eu-west-1b"
    tier              = "private"
    kind              = "private"
  }

  staging-private-c = {
    cidr_block        = "10.21.32.0/20"
    availability_zone = "eu-west-1c"
    tier              = "private"
    kind              = "private"
  }

  staging-data-a = {
    cidr_block        = "10.21.51.0/24"
    availability_zone = "eu-west-1a"
    tier              = "data"
    kind              = "data"
  }

  staging-data-b = {
    cidr_block        = "10.21.52.0/24"
    availability_zone = "eu-west-1b"
    tier              = "data"
    kind              = "data"
  }

  staging-data-c = {
    cidr_block        = "10.21.53.0/24"
    availability_zone = "eu-west-1c"
    tier              = "data"
    kind              = "data"
  }
}

nat_strategy      = "per-zone"
load_balancer     = "application"
egress_filtering  = "fqdn-allowlist"
egress_allowlist  = ["api.stripe.com", "*.amazonaws.com"]
dns_zones         = ["payments.internal", "pay.acme.example"]
flow_logs_enabled = true

peer_networks = {
  shared-services = {
    cidr_block = "10.0.0.0/16"
    type       = "transit-gateway"
  }

  head-office = {
    cidr_block = "192.168.10.0/24"
    type       = "vpn"
  }
}
