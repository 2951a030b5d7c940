# Replace the project with the real one before the first plan.
environment = "staging"
region      = "europe-west1"
project_id  = "srch-staging"
