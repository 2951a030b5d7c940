# Replace the project with the real one before the first plan.
environment = "production"
region      = "europe-west4"
project_id  = "srch-production"
