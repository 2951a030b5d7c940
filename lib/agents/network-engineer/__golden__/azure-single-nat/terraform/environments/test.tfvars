# test network of analytics-hub: Microsoft Azure, westeurope.
# Generated from the CIDR plan; 176 addresses of 172.16.20.0/22 stay free.

network_name       = "analytics-hub"
environment        = "test"
region             = "westeurope"
network_cidr       = "172.16.20.0/22"
availability_zones = ["1", "2"]

subnets = {
  test-edge-1 = {
    cidr_block        = "172.16.23.0/27"
    availability_zone = "1"
    tier              = "edge"
    kind              = "public"
  }

  test-edge-2 = {
    cidr_block        = "172.16.23.32/27"
    availability_zone = "2"
    tier              = "edge"
    kind              = "public"
  }

  test-app-1 = {
    cidr_block        = "172.16.22.0/25"
    availability_zone = "1"
    tier              = "app"
    kind              = "private"
  }

  test-app-2 = {
    cidr_block        = "172.16.22.128/25"
    availability_zone = "2"
    tier              = "app"
    kind              = "private"
  }

  test-aks-pods-1 = {
    cidr_block        = "172.16.20.0/24"
    availability_zone = "1"
    tier              = "aks-pods"
    kind              = "custom"
  }

  test-aks-pods-2 = {
    cidr_block        = "172.16.21.0/24"
    availability_zone = "2"
    tier              = "aks-pods"
    kind              = "custom"
  }

  test-sql-1 = {
    cidr_block        = "172.16.23.64/29"
    availability_zone = "1"
    tier              = "sql"
    kind              = "data"
  }

  test-sql-2 = {
    cidr_block        = "172.16.23.72/29"
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
