# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
