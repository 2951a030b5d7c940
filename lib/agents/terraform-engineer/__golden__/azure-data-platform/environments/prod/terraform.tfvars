# Replace the subscription with the real one before the first plan.
environment     = "prod"
region          = "northeurope"
subscription_id = "00000000-0000-0000-0000-000000000000"

tag_values = {
  cost-center = "set-me"
}

dns_zone_name = "prod.data.example.com"
