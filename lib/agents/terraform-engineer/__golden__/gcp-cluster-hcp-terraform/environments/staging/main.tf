locals {
  name = "srch-${var.environment}"

  tags = {
    team        = "search"
    environment = var.environment
    managed-by  = "terraform"
  }
}

module "network" {
  source = "../../modules/network"

  name       = local.name
  region     = var.region
  cidr_block = "10.0.0.0/16"
}

module "compute_cluster" {
  source = "../../modules/compute-cluster"

  name           = local.name
  region         = var.region
  network_id     = module.network.network_id
  subnet_id      = module.network.subnet_id
  node_min_count = 0
  node_max_count = 2
}

module "object_storage" {
  source = "../../modules/object-storage"

  bucket_name = "${local.name}-data"
  location    = upper(var.region)
}

module "iam" {
  source = "../../modules/iam"

  name              = local.name
  workload_accounts = {}
}
