locals {
  project = data.google_project.current.project_id

  account_roles = merge([
    for account, config in var.workload_accounts : {
      for role in config.roles : "${account}|${role}" => { account = account, role = role }
    }
  ]...)
}

resource "google_service_account" "workload" {
  for_each = var.workload_accounts

  account_id   = substr("${var.name}-${each.key}", 0, 30)
  display_name = "Workload ${each.key} of ${var.name}"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = var.workload_accounts

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${local.project}.svc.id.goog[${each.value.service_account}]"
}

resource "google_project_iam_member" "workload" {
  for_each = local.account_roles

  project = local.project
  role    = each.value.role
  member  = "serviceAccount:${google_service_account.workload[each.value.account].email}"
}
