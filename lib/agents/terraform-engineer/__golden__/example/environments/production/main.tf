locals {
  name = "pay-${var.environment}"

  tags = {
    owner       = "payments"
    cost-center = "cc-1042"
    environment = var.environment
    managed-by  = "terraform"
  }
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr_block         = "10.16.0.0/16"
  az_count           = 3
  single_nat_gateway = false
}

module "compute_cluster" {
  source = "../../modules/compute-cluster"

  name          = local.name
  subnet_ids    = module.network.private_subnet_ids
  node_min_size = 3
  node_max_size = 12
}

module "database" {
  source = "../../modules/database"

  name                  = local.name
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.private_subnet_ids
  allowed_cidr_blocks   = [module.network.vpc_cidr_block]
  multi_az              = true
  backup_retention_days = 30
}

module "iam" {
  source = "../../modules/iam"

  name              = local.name
  oidc_provider_arn = module.compute_cluster.oidc_provider_arn
  workload_roles    = {}
}
