output "network_id" {
  description = "ID of the VPC network."
  value       = google_compute_network.this.id
}

output "subnet_id" {
  description = "ID of the private subnet."
  value       = google_compute_subnetwork.private.id
}

output "pods_range_name" {
  description = "Secondary range for pods."
  value       = "pods"
}

output "services_range_name" {
  description = "Secondary range for services."
  value       = "services"
}
