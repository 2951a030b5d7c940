# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "azurerm_client_config" "current" {}
