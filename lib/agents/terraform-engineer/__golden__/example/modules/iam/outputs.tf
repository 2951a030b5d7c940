output "role_arns" {
  description = "Role ARNs by short name: annotate each service account with eks.amazonaws.com/role-arn."
  value       = { for role, config in aws_iam_role.workload : role => config.arn }
}
