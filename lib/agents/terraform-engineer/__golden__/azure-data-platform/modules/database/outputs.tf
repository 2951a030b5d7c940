output "fqdn" {
  description = "Host name to connect to."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "server_id" {
  description = "ID of the server."
  value       = azurerm_postgresql_flexible_server.this.id
}
