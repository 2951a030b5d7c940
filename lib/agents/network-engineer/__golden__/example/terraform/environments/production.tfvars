# production network of payments-core: Amazon Web Services, eu-west-1.
# Generated from the CIDR plan; 51,712 addresses of 10.20.0.0/16 stay free.

network_name       = "payments-core"
environment        = "production"
region             = "eu-west-1"
network_cidr       = "10.20.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

subnets = {
  production-public-a = {
    cidr_block        = "10.20.48.0/24"
    availability_zone = "eu-west-1a"
    tier              = "public"
    kind              = "public"
  }

  production-public-b = {
    cidr_block        = "10.20.49.0/24"
    availability_zone = "eu-west-1b"
    tier              = "public"
    kind              = "public"
  }

  production-public-c = {
    cidr_block        = "10.20.50.0/24"
    availability_zone = "eu-west-1c"
    tier              = "public"
    kind              = "public"
  }

  production-private-a = {
    cidr_block        = "10.20.0.0/20"
    availability_zone = "eu-west-1a"
    tier              = "private"
    kind              = "private"
  }

  production-private-b = {
    cidr_block        = "10.20.16.0/20"
    availability_zone = "eu-west-1b"
    tier              = "private"
    kind              = "private"
  }

  production-private-c = {
    cidr_block        = "10.20.32.0/20"
    availability_zone = "eu-west-1c"
    tier              = "private"
    kind              = "private"
  }

  production-data-a = {
    cidr_block        = "10.20.51.0/24"
    availability_zone = "eu-west-1a"
    tier              = "data"
    kind              = "data"
  }

  production-data-b = {
    cidr_block        = "10.20.52.0/24"
    availability_zone = "eu-west-1b"
    tier              = "data"
    kind              = "data"
  }

  production-data-c = {
    cidr_block        = "10.20.53.0/24"
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
