output "emails" {
  description = "Service account emails by short name: annotate each Kubernetes service account with iam.gke.io/gcp-service-account."
  value       = { for account, config in google_service_account.workload : account => config.email }
}
