# CI writes an application's secrets for its environment and reads deploy credentials; it cannot read other teams' secrets.
path "kv/data/apps/{{identity.entity.metadata.app}}/{{identity.entity.metadata.environment}}/*" {
  capabilities = ["create", "update"]
}

path "kv/data/ci/{{identity.entity.metadata.app}}/*" {
  capabilities = ["read"]
}

# Short-lived cloud credentials for the deployment only.
path "aws/creds/{{identity.entity.metadata.app}}-deployer" {
  capabilities = ["read"]
}
