output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.this.name
}

output "workload_pool" {
  description = "Workload Identity pool of the project."
  value       = "${data.google_project.current.project_id}.svc.id.goog"
}
