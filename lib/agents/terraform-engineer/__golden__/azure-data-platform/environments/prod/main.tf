locals {
  name = "data-${var.environment}"

  tags = {
    owner       = "data-platform"
    env         = var.environment
    cost-center = var.tag_values["cost-center"]
    managed-by  = "terraform"
  }
}

resource "azurerm_resource_group" "this" {
  name     = "rg-${local.name}"
  location = var.region

  tags = local.tags
}

module "network" {
  source = "../../modules/network"

  name                = local.name
  resource_group_name = azurerm_resource_group.this.name
  location            = azurerm_resource_group.this.location
  address_space       = "10.16.0.0/16"
  tags                = local.tags
}

module "database" {
  source = "../../modules/database"

  name                  = local.name
  resource_group_name   = azurerm_resource_group.this.name
  location              = azurerm_resource_group.this.location
  delegated_subnet_id   = module.network.database_subnet_id
  private_dns_zone_id   = module.network.postgres_private_dns_zone_id
  backup_retention_days = 30
  tags                  = local.tags
}

module "object_storage" {
  source = "../../modules/object-storage"

  storage_account_name = "dataproddata"
  resource_group_name  = azurerm_resource_group.this.name
  location             = azurerm_resource_group.this.location
  tags                 = local.tags
}

module "dns" {
  source = "../../modules/dns"

  zone_name           = var.dns_zone_name
  resource_group_name = azurerm_resource_group.this.name
  tags                = local.tags
}
