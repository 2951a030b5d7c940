output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets."
  value       = module.network.private_subnet_ids
}

output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = module.compute_cluster.cluster_name
}

output "database_endpoint" {
  description = "PostgreSQL endpoint."
  value       = module.database.endpoint
}

output "workload_role_arns" {
  description = "IAM roles for service accounts."
  value       = module.iam.role_arns
}
