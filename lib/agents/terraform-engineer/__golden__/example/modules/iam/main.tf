locals {
  oidc_issuer = replace(var.oidc_provider_arn, "/^.*oidc-provider\\//", "")

  role_policies = merge([
    for role, config in var.workload_roles : {
      for policy in config.policy_arns : "${role}|${policy}" => { role = role, policy = policy }
    }
  ]...)
}

resource "aws_iam_role" "workload" {
  for_each = var.workload_roles

  name = "${var.name}-${each.key}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = var.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"

        Condition = {
          StringEquals = {
            "${local.oidc_issuer}:sub" = "system:serviceaccount:${replace(each.value.service_account, "/", ":")}"
            "${local.oidc_issuer}:aud" = "sts.amazonaws.com"
          }
        }
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "workload" {
  for_each = local.role_policies

  role       = aws_iam_role.workload[each.value.role].name
  policy_arn = each.value.policy
}
