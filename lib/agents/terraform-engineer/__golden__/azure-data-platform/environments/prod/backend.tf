# State in a blob container; a blob lease locks it while a plan or apply runs.
terraform {
  backend "azurerm" {
    resource_group_name  = "rg-terraform-state"
    storage_account_name = "acmetfstate"
    container_name       = "tfstate"
    key                  = "data/prod/terraform.tfstate"
    use_azuread_auth     = true
  }
}
