output "vnet_id" {
  description = "ID of the virtual network."
  value       = module.network.vnet_id
}

output "database_fqdn" {
  description = "PostgreSQL host name."
  value       = module.database.fqdn
}

output "container_url" {
  description = "Blob container URL."
  value       = module.object_storage.container_url
}

output "name_servers" {
  description = "Name servers to delegate the zone to."
  value       = module.dns.name_servers
}
