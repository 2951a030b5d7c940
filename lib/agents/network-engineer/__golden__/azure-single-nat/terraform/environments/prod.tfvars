# prod network of analytics-hub: Microsoft Azure, westeurope.
# Generated from the CIDR plan; 3,248 addresses of 172.16.0.0/20 stay free.

network_name       = "analytics-hub"
environment        = "prod"
region             = "westeurope"
network_cidr       = "172.16.0.0/20"
availability_zones = ["1", "2"]

subnets = {
  prod-edge-1 = {
    cidr_block        = "172.16.3.0/27"
    availability_zone = "1"
    tier              = "edge"
    kind              = "public"
  }

  prod-edge-2 = {
    cidr_block        = "172.16.3.32/27"
    availability_zone = "2"
    tier              = "edge"
    kind              = "public"
  }

  prod-app-1 = {
    cidr_block        = "172.16.2.0/25"
    availability_zone = "1"
    tier              = "app"
    kind              = "private"
  }

  prod-app-2 = {
    cidr_block        = "172.16.2.128/25"
    availability_zone = "2"
    tier              = "app"
    kind              = "private"
  }

  prod-aks-pods-1 = {
    cidr_block        = "172.16.0.0/24"
    availability_zone = "1"
    tier              = "aks-pods"
    kind              = "custom"
  }

  prod-aks-pods-2 = {
    cidr_block        = "172.16.1.0/24"
    availability_zone = "2"
    tier              = "aks-pods"
    kind              = "custom"
  }

  prod-sql-1 = {
    cidr_block        = "172.16.3.64/29"
    availability_zone = "1"
    tier              = "sql"
    kind              = "data"
  }

  prod-sql-2 = {
    cidr_block        = "172.16.3.72/29"
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
