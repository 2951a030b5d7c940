output "network_id" {
  description = "ID of the VPC network."
  value       = module.network.network_id
}

output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = module.compute_cluster.cluster_name
}

output "bucket_url" {
  description = "Data bucket."
  value       = module.object_storage.bucket_url
}

output "workload_service_accounts" {
  description = "Service accounts for workloads."
  value       = module.iam.emails
}
