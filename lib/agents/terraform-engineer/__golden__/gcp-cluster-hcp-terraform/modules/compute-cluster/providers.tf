# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "google_client_config" "current" {}

data "google_project" "current" {}
