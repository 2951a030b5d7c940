output "name_servers" {
  description = "Name servers to delegate the zone to."
  value       = azurerm_dns_zone.this.name_servers
}
