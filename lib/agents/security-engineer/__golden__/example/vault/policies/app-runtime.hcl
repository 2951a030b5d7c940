# Applications read their own secrets and get short-lived database credentials; nothing else.
path "kv/data/apps/{{identity.entity.metadata.app}}/{{identity.entity.metadata.environment}}/*" {
  capabilities = ["read"]
}

path "kv/metadata/apps/{{identity.entity.metadata.app}}/{{identity.entity.metadata.environment}}/*" {
  capabilities = ["list"]
}

# Dynamic credentials: the role's max_ttl stays under the 30-day rotation period.
path "database/creds/{{identity.entity.metadata.app}}-{{identity.entity.metadata.environment}}" {
  capabilities = ["read"]
}

path "sys/leases/renew" {
  capabilities = ["update"]
}
