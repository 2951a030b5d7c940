# dev network of analytics-hub: Microsoft Azure, westeurope.
# Generated from the CIDR plan; 176 addresses of 172.16.16.0/22 stay free.

network_name       = "analytics-hub"
environment        = "dev"
region             = "westeurope"
network_cidr       = "172.16.16.0/22"
availability_zones = ["1", "2"]

subnets = {
  dev-edge-1 = {
    cidr_block        = "172.16.19.0/27"
    availability_zone = "1"
    tier              = "edge"
    kind              = "public"
  }

  dev-edge-2 = {
    cidr_block        = "172.16.19.32/27"
    availability_zone = "2"
    tier              = "edge"
    kind              = "public"
  }

  dev-app-1 = {
    cidr_block        = "172.16.18.0/25"
    availability_zone = "1"
    tier              = "app"
    kind              = "private"
  }

  dev-app-2 = {
    cidr_block        = "172.16.18.128/25"
    availability_zone = "2"
    tier              = "app"
    kind              = "private"
  }

  dev-aks-pods-1 = {
    cidr_block        = "172.16.16.0/24"
    availability_zone = "1"
    tier              = "aks-pods"
    kind              = "custom"
  }

  dev-aks-pods-2 = {
    cidr_block        = "172.16.17.0/24"
    availability_zone = "2"
    tier              = "aks-pods"
    kind              = "custom"
  }

  dev-sql-1 = {
    cidr_block        = "172.16.19.64/29"
    availability_zone = "1"
    tier              = "sql"
    kind              = "data"
  }

  dev-sql-2 = {
    cidr_block        = "172.16.19.72/29"
    availability_zone = "2"
    tier              = "sql"
    kind              = "data"
  }
}

nat_strategy      = "single"
load_balancer     = "network"
egress_filtering  = "proxy"
egress_allowlist  = []
dns_zones         = []
flow_logs_enabled = false

peer_networks = {
  on-prem = {
    cidr_block = "192.168.0.0/16"
    type       = "dedicated-link"
  }
}
