# Security administrators manage policies, auth methods and audit devices, but cannot read application secrets (separation of duties).
path "sys/policies/acl/*" {
  capabilities = ["create", "read", "update", "delete", "list"]
}

path "sys/auth/*" {
  capabilities = ["create", "read", "update", "delete", "sudo"]
}

path "sys/audit*" {
  capabilities = ["read", "list", "create", "update", "sudo"]
}

path "kv/metadata/*" {
  capabilities = ["list", "read"]
}

# Explicit deny: administrators rotate secrets through the break-glass procedure, never by reading them.
path "kv/data/*" {
  capabilities = ["deny"]
}
