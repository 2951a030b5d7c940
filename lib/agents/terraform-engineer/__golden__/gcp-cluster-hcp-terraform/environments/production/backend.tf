# State and runs in HCP Terraform; the workspace locks itself during runs.
terraform {
  cloud {
    organization = "acme"

    workspaces {
      name = "search-production"
    }
  }
}
