// The reusable Terraform modules the terraform-engineer delivers, per cloud: variables (with validation
// blocks), resources and outputs. They hold no user text (everything arrives through variables), so they
// are written as HCL source laid out as `terraform fmt` would; the tests parse and re-check every file.
import type { CloudProvider } from "@/lib/agents/shared/regions";
import type { TerraformEngineerRequirements } from "./schema";

export type ModuleKey = TerraformEngineerRequirements["modules"][number];

export interface ModuleSource {
  description: string;
  /** Data sources describing the provider context (the provider itself is configured by the root module). */
  providers: string;
  variables: string;
  main: string;
  outputs: string;
}

const nameVariable = `variable "name" {
  description = "Prefix of every resource name, e.g. pay-production."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,40}$", var.name))
    error_message = "The name must be 2-41 lowercase letters, digits and hyphens, starting with a letter."
  }
}`;

const tagsVariable = (what: "tags" | "labels") => `variable "${what}" {
  description = "${what === "tags" ? "Tags" : "Labels"} added to every resource on top of the provider defaults."
  type        = map(string)
  default     = {}
}`;

const subnetIdsVariable = (minimum: number, description: string) => `variable "subnet_ids" {
  description = "${description}"
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= ${minimum}
    error_message = "Give at least ${minimum} subnets, in different availability zones."
  }
}`;

const contextData: Record<CloudProvider, string> = {
  aws: `# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
`,
  azure: `# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "azurerm_client_config" "current" {}
`,
  gcp: `# Provider configuration lives in the root modules; this module only reads the context it runs in.
data "google_client_config" "current" {}

data "google_project" "current" {}
`,
};

const aws: Record<ModuleKey, Omit<ModuleSource, "providers">> = {
  network: {
    description: "VPC with public and private subnets over several availability zones, NAT gateways and routing.",
    variables: `${nameVariable}

variable "cidr_block" {
  description = "IPv4 range of the VPC."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 20
    error_message = "Give a valid IPv4 CIDR block of /20 or larger."
  }
}

variable "az_count" {
  description = "How many availability zones to spread the subnets over."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 6
    error_message = "Use between 2 and 6 availability zones."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all zones (cheaper) instead of one per zone (survives a zone failure)."
  type        = bool
  default     = false
}

${tagsVariable("tags")}
`,
    main: `data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs         = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  nat_count   = var.single_nat_gateway ? 1 : var.az_count
  subnet_bits = 4
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = "\${var.name}-vpc" })
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "\${var.name}-igw" })
}

resource "aws_subnet" "public" {
  count = var.az_count

  vpc_id                  = aws_vpc.this.id
  availability_zone       = local.azs[count.index]
  cidr_block              = cidrsubnet(var.cidr_block, local.subnet_bits, count.index)
  map_public_ip_on_launch = false

  tags = merge(var.tags, { Name = "\${var.name}-public-\${local.azs[count.index]}", "kubernetes.io/role/elb" = "1" })
}

resource "aws_subnet" "private" {
  count = var.az_count

  vpc_id            = aws_vpc.this.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(var.cidr_block, local.subnet_bits, count.index + 8)

  tags = merge(var.tags, { Name = "\${var.name}-private-\${local.azs[count.index]}", "kubernetes.io/role/internal-elb" = "1" })
}

resource "aws_eip" "nat" {
  count = local.nat_count

  domain = "vpc"

  tags = merge(var.tags, { Name = "\${var.name}-nat-\${count.index}" })
}

resource "aws_nat_gateway" "this" {
  count = local.nat_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id

  tags = merge(var.tags, { Name = "\${var.name}-nat-\${count.index}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }

  tags = merge(var.tags, { Name = "\${var.name}-public" })
}

resource "aws_route_table" "private" {
  count = var.az_count

  vpc_id = aws_vpc.this.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
  }

  tags = merge(var.tags, { Name = "\${var.name}-private-\${local.azs[count.index]}" })
}

resource "aws_route_table_association" "public" {
  count = var.az_count

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  count = var.az_count

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

resource "aws_flow_log" "this" {
  vpc_id               = aws_vpc.this.id
  traffic_type         = "REJECT"
  log_destination_type = "cloud-watch-logs"
  log_destination      = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn         = aws_iam_role.flow_logs.arn
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/vpc/\${var.name}/flow-logs"
  retention_in_days = 90

  tags = var.tags
}

resource "aws_iam_role" "flow_logs" {
  name = "\${var.name}-flow-logs"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "vpc-flow-logs.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "flow_logs" {
  name = "write-flow-logs"
  role = aws_iam_role.flow_logs.id

  policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
        Resource = "\${aws_cloudwatch_log_group.flow_logs.arn}:*"
      },
    ]
  })
}
`,
    outputs: `output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets, one per availability zone."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets, one per availability zone."
  value       = aws_subnet.private[*].id
}
`,
  },
  "compute-cluster": {
    description: "EKS cluster with a managed node group, private endpoint access, secrets encryption and IRSA.",
    variables: `${nameVariable}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane, e.g. 1.33."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "Write the version as 1.NN, e.g. 1.33."
  }
}

${subnetIdsVariable(2, "Private subnets for the control plane and the nodes.")}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["m7i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes."
  type        = number
  default     = 9

  validation {
    condition     = var.node_max_size >= 1 && var.node_max_size <= 450
    error_message = "The node group holds between 1 and 450 nodes."
  }
}

variable "public_endpoint" {
  description = "Expose the API server endpoint publicly (restricted to public_access_cidrs)."
  type        = bool
  default     = false
}

variable "public_access_cidrs" {
  description = "CIDR blocks allowed to reach a public API endpoint."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for cidr in var.public_access_cidrs : can(cidrhost(cidr, 0))])
    error_message = "Every entry must be an IPv4 CIDR block."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "aws_iam_role" "cluster" {
  name = "\${var.name}-eks-cluster"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "eks.amazonaws.com" }
        Action    = ["sts:AssumeRole", "sts:TagSession"]
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_kms_key" "secrets" {
  description         = "Envelope encryption of Kubernetes secrets in \${var.name}"
  enable_key_rotation = true

  tags = var.tags
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = var.public_endpoint
    public_access_cidrs     = var.public_endpoint ? var.public_access_cidrs : null
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.secrets.arn
    }
  }

  access_config {
    authentication_mode = "API"
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  tags = var.tags

  depends_on = [aws_iam_role_policy_attachment.cluster]
}

resource "aws_iam_role" "nodes" {
  name = "\${var.name}-eks-nodes"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect    = "Allow"
        Principal = { Service = "ec2.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "nodes" {
  for_each = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"])

  role       = aws_iam_role.nodes.name
  policy_arn = "arn:\${data.aws_partition.current.partition}:iam::aws:policy/\${each.value}"
}

resource "aws_eks_node_group" "default" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "default"
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = var.subnet_ids
  instance_types  = var.node_instance_types

  scaling_config {
    min_size     = var.node_min_size
    max_size     = var.node_max_size
    desired_size = var.node_min_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.nodes]
}

data "tls_certificate" "oidc" {
  url = aws_eks_cluster.this.identity[0].oidc[0].issuer
}

resource "aws_iam_openid_connect_provider" "this" {
  url             = aws_eks_cluster.this.identity[0].oidc[0].issuer
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.oidc.certificates[0].sha1_fingerprint]

  tags = var.tags
}
`,
    outputs: `output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "API server endpoint."
  value       = aws_eks_cluster.this.endpoint
}

output "oidc_provider_arn" {
  description = "OIDC provider for IAM roles for service accounts."
  value       = aws_iam_openid_connect_provider.this.arn
}
`,
  },
  database: {
    description: "Managed PostgreSQL (RDS) across availability zones, encrypted, with automated backups and a managed master password.",
    variables: `${nameVariable}

variable "engine_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"

  validation {
    condition     = contains(["14", "15", "16", "17"], var.engine_version)
    error_message = "Choose a supported PostgreSQL major version: 14, 15, 16 or 17."
  }
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.m7g.large"

  validation {
    condition     = can(regex("^db\\\\.", var.instance_class))
    error_message = "Instance classes start with db., e.g. db.m7g.large."
  }
}

variable "allocated_storage_gb" {
  description = "Initial storage; it grows automatically up to ten times this."
  type        = number
  default     = 100

  validation {
    condition     = var.allocated_storage_gb >= 20 && var.allocated_storage_gb <= 6500
    error_message = "Allocate between 20 and 6500 GB."
  }
}

variable "multi_az" {
  description = "Keep a synchronous standby in another availability zone."
  type        = bool
  default     = true
}

variable "backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "RDS keeps backups for 1 to 35 days."
  }
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

${subnetIdsVariable(2, "Private subnets for the database subnet group.")}

variable "allowed_cidr_blocks" {
  description = "Networks allowed to connect on port 5432."
  type        = list(string)

  validation {
    condition     = alltrue([for cidr in var.allowed_cidr_blocks : can(cidrhost(cidr, 0))])
    error_message = "Every entry must be an IPv4 CIDR block."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids

  tags = var.tags
}

resource "aws_security_group" "this" {
  name        = "\${var.name}-postgres"
  description = "PostgreSQL access for \${var.name}"
  vpc_id      = var.vpc_id

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = toset(var.allowed_cidr_blocks)

  security_group_id = aws_security_group.this.id
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.allocated_storage_gb * 10
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name                     = "app"
  username                    = "app_admin"
  manage_master_user_password = true

  multi_az               = var.multi_az
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false

  backup_retention_period   = var.backup_retention_days
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "\${var.name}-final"

  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  auto_minor_version_upgrade      = true

  tags = var.tags
}
`,
    outputs: `output "endpoint" {
  description = "Host and port to connect to."
  value       = aws_db_instance.this.endpoint
}

output "master_user_secret_arn" {
  description = "Secrets Manager secret holding the master password."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.this.id
}
`,
  },
  "object-storage": {
    description: "S3 bucket with versioning, KMS encryption, public access blocked, TLS-only access and lifecycle rules.",
    variables: `variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "Bucket names are 3-63 lowercase letters, digits, dots and hyphens."
  }
}

variable "noncurrent_version_expiration_days" {
  description = "Days old versions are kept after they are replaced."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_expiration_days >= 1
    error_message = "Keep old versions for at least a day."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "aws_s3_bucket" "this" {
  bucket = var.bucket_name

  tags = var.tags
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_kms_key" "this" {
  description         = "Encryption of s3://\${var.bucket_name}"
  enable_key_rotation = true

  tags = var.tags
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_policy" "tls_only" {
  bucket = aws_s3_bucket.this.id

  policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this.arn, "\${aws_s3_bucket.this.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "expire-old-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_expiration_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }
}
`,
    outputs: `output "bucket_name" {
  description = "Name of the bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}
`,
  },
  dns: {
    description: "Route 53 hosted zone and its records.",
    variables: `variable "zone_name" {
  description = "DNS name of the zone, e.g. payments.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "Give a fully qualified domain name in lowercase, e.g. payments.example.com."
  }
}

variable "records" {
  description = "Records by name relative to the zone (\\"\\" for the apex)."
  type = map(object({
    type    = string
    ttl     = optional(number, 300)
    records = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for record in values(var.records) : contains(["A", "AAAA", "CNAME", "MX", "TXT", "CAA"], record.type)])
    error_message = "Record types are A, AAAA, CNAME, MX, TXT or CAA."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "aws_route53_zone" "this" {
  name = var.zone_name

  tags = var.tags
}

resource "aws_route53_record" "this" {
  for_each = var.records

  zone_id = aws_route53_zone.this.zone_id
  name    = each.key == "" ? var.zone_name : "\${each.key}.\${var.zone_name}"
  type    = each.value.type
  ttl     = each.value.ttl
  records = each.value.records
}
`,
    outputs: `output "zone_id" {
  description = "ID of the hosted zone."
  value       = aws_route53_zone.this.zone_id
}

output "name_servers" {
  description = "Name servers to delegate the zone to."
  value       = aws_route53_zone.this.name_servers
}
`,
  },
  iam: {
    description: "IAM roles for Kubernetes service accounts (IRSA), each with its managed policies.",
    variables: `${nameVariable}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's OIDC provider."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.oidc_provider_arn))
    error_message = "Give the ARN of an IAM OIDC provider."
  }
}

variable "workload_roles" {
  description = "Roles by short name: the service account (namespace/name) that assumes it and the policies it gets."
  type = map(object({
    service_account = string
    policy_arns     = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for role in values(var.workload_roles) : can(regex("^[a-z0-9-]+/[a-z0-9-]+$", role.service_account))])
    error_message = "Write service accounts as namespace/name."
  }
}

${tagsVariable("tags")}
`,
    main: `locals {
  oidc_issuer = replace(var.oidc_provider_arn, "/^.*oidc-provider\\\\//", "")

  role_policies = merge([
    for role, config in var.workload_roles : {
      for policy in config.policy_arns : "\${role}|\${policy}" => { role = role, policy = policy }
    }
  ]...)
}

resource "aws_iam_role" "workload" {
  for_each = var.workload_roles

  name = "\${var.name}-\${each.key}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"

    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = var.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"

        Condition = {
          StringEquals = {
            "\${local.oidc_issuer}:sub" = "system:serviceaccount:\${replace(each.value.service_account, "/", ":")}"
            "\${local.oidc_issuer}:aud" = "sts.amazonaws.com"
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
`,
    outputs: `output "role_arns" {
  description = "Role ARNs by short name: annotate each service account with eks.amazonaws.com/role-arn."
  value       = { for role, config in aws_iam_role.workload : role => config.arn }
}
`,
  },
};

const azure: Record<ModuleKey, Omit<ModuleSource, "providers">> = {
  network: {
    description: "Virtual network with public and private subnets and a NAT gateway for outbound traffic.",
    variables: `${nameVariable}

variable "resource_group_name" {
  description = "Resource group of the network."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "address_space" {
  description = "IPv4 range of the virtual network."
  type        = string

  validation {
    condition     = can(cidrhost(var.address_space, 0)) && tonumber(split("/", var.address_space)[1]) <= 20
    error_message = "Give a valid IPv4 CIDR block of /20 or larger."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "azurerm_virtual_network" "this" {
  name                = "\${var.name}-vnet"
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = [var.address_space]

  tags = var.tags
}

resource "azurerm_subnet" "public" {
  name                 = "public"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.address_space, 4, 0)]
}

resource "azurerm_subnet" "private" {
  name                            = "private"
  resource_group_name             = var.resource_group_name
  virtual_network_name            = azurerm_virtual_network.this.name
  address_prefixes                = [cidrsubnet(var.address_space, 2, 1)]
  default_outbound_access_enabled = false
}

resource "azurerm_public_ip" "nat" {
  name                = "\${var.name}-nat"
  resource_group_name = var.resource_group_name
  location            = var.location
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]

  tags = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                = "\${var.name}-nat"
  resource_group_name = var.resource_group_name
  location            = var.location
  sku_name            = "Standard"

  tags = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "private" {
  subnet_id      = azurerm_subnet.private.id
  nat_gateway_id = azurerm_nat_gateway.this.id
}

resource "azurerm_subnet" "database" {
  name                 = "database"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [cidrsubnet(var.address_space, 4, 1)]

  delegation {
    name = "postgres"

    service_delegation {
      name    = "Microsoft.DBforPostgreSQL/flexibleServers"
      actions = ["Microsoft.Network/virtualNetworks/subnets/join/action"]
    }
  }
}

resource "azurerm_private_dns_zone" "postgres" {
  name                = "privatelink.postgres.database.azure.com"
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_private_dns_zone_virtual_network_link" "postgres" {
  name                  = "\${var.name}-postgres"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = azurerm_private_dns_zone.postgres.name
  virtual_network_id    = azurerm_virtual_network.this.id

  tags = var.tags
}
`,
    outputs: `output "vnet_id" {
  description = "ID of the virtual network."
  value       = azurerm_virtual_network.this.id
}

output "public_subnet_id" {
  description = "Subnet for load balancers and gateways."
  value       = azurerm_subnet.public.id
}

output "private_subnet_id" {
  description = "Subnet for workloads."
  value       = azurerm_subnet.private.id
}

output "database_subnet_id" {
  description = "Subnet delegated to PostgreSQL flexible servers."
  value       = azurerm_subnet.database.id
}

output "postgres_private_dns_zone_id" {
  description = "Private DNS zone for PostgreSQL flexible servers."
  value       = azurerm_private_dns_zone.postgres.id
}
`,
  },
  "compute-cluster": {
    description: "AKS cluster over three zones with workload identity, Azure CNI overlay and an autoscaling node pool.",
    variables: `${nameVariable}

variable "resource_group_name" {
  description = "Resource group of the cluster."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version, e.g. 1.33."
  type        = string
  default     = "1.33"

  validation {
    condition     = can(regex("^1\\\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "Write the version as 1.NN, e.g. 1.33."
  }
}

variable "subnet_id" {
  description = "Subnet of the nodes."
  type        = string
}

variable "node_vm_size" {
  description = "VM size of the nodes."
  type        = string
  default     = "Standard_D4s_v5"
}

variable "node_min_count" {
  description = "Fewest nodes."
  type        = number
  default     = 3

  validation {
    condition     = var.node_min_count >= 1
    error_message = "Keep at least one node."
  }
}

variable "node_max_count" {
  description = "Most nodes."
  type        = number
  default     = 9
}

${tagsVariable("tags")}
`,
    main: `resource "azurerm_kubernetes_cluster" "this" {
  name                      = var.name
  resource_group_name       = var.resource_group_name
  location                  = var.location
  dns_prefix                = var.name
  kubernetes_version        = var.kubernetes_version
  sku_tier                  = "Standard"
  oidc_issuer_enabled       = true
  workload_identity_enabled = true
  local_account_disabled    = true
  automatic_upgrade_channel = "patch"

  default_node_pool {
    name                 = "system"
    vm_size              = var.node_vm_size
    vnet_subnet_id       = var.subnet_id
    zones                = ["1", "2", "3"]
    auto_scaling_enabled = true
    min_count            = var.node_min_count
    max_count            = var.node_max_count
  }

  identity {
    type = "SystemAssigned"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_policy      = "cilium"
    network_data_plane  = "cilium"
  }

  tags = var.tags
}
`,
    outputs: `output "cluster_name" {
  description = "Name of the AKS cluster."
  value       = azurerm_kubernetes_cluster.this.name
}

output "oidc_issuer_url" {
  description = "OIDC issuer for workload identity federation."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}
`,
  },
  database: {
    description: "Azure Database for PostgreSQL flexible server, zone-redundant, private, with geo-redundant backups.",
    variables: `${nameVariable}

variable "resource_group_name" {
  description = "Resource group of the server."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "postgres_version" {
  description = "PostgreSQL major version."
  type        = string
  default     = "16"

  validation {
    condition     = contains(["14", "15", "16", "17"], var.postgres_version)
    error_message = "Choose PostgreSQL 14, 15, 16 or 17."
  }
}

variable "sku_name" {
  description = "Compute tier and size, e.g. GP_Standard_D4ds_v5."
  type        = string
  default     = "GP_Standard_D4ds_v5"

  validation {
    condition     = can(regex("^(B|GP|MO)_", var.sku_name))
    error_message = "SKU names start with B_, GP_ or MO_."
  }
}

variable "storage_mb" {
  description = "Storage in MB."
  type        = number
  default     = 131072
}

variable "backup_retention_days" {
  description = "Days of point-in-time recovery."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Flexible server keeps backups for 7 to 35 days."
  }
}

variable "delegated_subnet_id" {
  description = "Subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers."
  type        = string
}

variable "private_dns_zone_id" {
  description = "Private DNS zone linked to the virtual network."
  type        = string
}

${tagsVariable("tags")}
`,
    main: `resource "azurerm_postgresql_flexible_server" "this" {
  name                          = var.name
  resource_group_name           = var.resource_group_name
  location                      = var.location
  version                       = var.postgres_version
  sku_name                      = var.sku_name
  storage_mb                    = var.storage_mb
  auto_grow_enabled             = true
  zone                          = "1"
  delegated_subnet_id           = var.delegated_subnet_id
  private_dns_zone_id           = var.private_dns_zone_id
  public_network_access_enabled = false
  backup_retention_days         = var.backup_retention_days
  geo_redundant_backup_enabled  = true

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
    tenant_id                     = data.azurerm_client_config.current.tenant_id
  }

  high_availability {
    mode                      = "ZoneRedundant"
    standby_availability_zone = "2"
  }

  maintenance_window {
    day_of_week  = 0
    start_hour   = 3
    start_minute = 0
  }

  tags = var.tags
}
`,
    outputs: `output "fqdn" {
  description = "Host name to connect to."
  value       = azurerm_postgresql_flexible_server.this.fqdn
}

output "server_id" {
  description = "ID of the server."
  value       = azurerm_postgresql_flexible_server.this.id
}
`,
  },
  "object-storage": {
    description: "Storage account with a private blob container, versioning, soft delete and TLS 1.2.",
    variables: `variable "storage_account_name" {
  description = "Globally unique storage account name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,24}$", var.storage_account_name))
    error_message = "Storage account names are 3-24 lowercase letters and digits."
  }
}

variable "resource_group_name" {
  description = "Resource group of the account."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "container_name" {
  description = "Blob container to create."
  type        = string
  default     = "data"
}

variable "soft_delete_days" {
  description = "Days deleted blobs and containers can be restored."
  type        = number
  default     = 30

  validation {
    condition     = var.soft_delete_days >= 1 && var.soft_delete_days <= 365
    error_message = "Soft delete keeps data for 1 to 365 days."
  }
}

${tagsVariable("tags")}
`,
    main: `resource "azurerm_storage_account" "this" {
  name                            = var.storage_account_name
  resource_group_name             = var.resource_group_name
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
  shared_access_key_enabled       = false

  blob_properties {
    versioning_enabled = true

    delete_retention_policy {
      days = var.soft_delete_days
    }

    container_delete_retention_policy {
      days = var.soft_delete_days
    }
  }

  tags = var.tags
}

resource "azurerm_storage_container" "this" {
  name                  = var.container_name
  storage_account_id    = azurerm_storage_account.this.id
  container_access_type = "private"
}
`,
    outputs: `output "storage_account_id" {
  description = "ID of the storage account."
  value       = azurerm_storage_account.this.id
}

output "container_url" {
  description = "URL of the blob container."
  value       = "\${azurerm_storage_account.this.primary_blob_endpoint}\${azurerm_storage_container.this.name}"
}
`,
  },
  dns: {
    description: "Azure DNS zone with A and CNAME records.",
    variables: `variable "zone_name" {
  description = "DNS name of the zone, e.g. payments.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "Give a fully qualified domain name in lowercase."
  }
}

variable "resource_group_name" {
  description = "Resource group of the zone."
  type        = string
}

variable "a_records" {
  description = "A records by name relative to the zone (\\"@\\" for the apex)."
  type        = map(list(string))
  default     = {}
}

variable "cname_records" {
  description = "CNAME records by name relative to the zone."
  type        = map(string)
  default     = {}
}

${tagsVariable("tags")}
`,
    main: `resource "azurerm_dns_zone" "this" {
  name                = var.zone_name
  resource_group_name = var.resource_group_name

  tags = var.tags
}

resource "azurerm_dns_a_record" "this" {
  for_each = var.a_records

  name                = each.key
  zone_name           = azurerm_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = 300
  records             = each.value
}

resource "azurerm_dns_cname_record" "this" {
  for_each = var.cname_records

  name                = each.key
  zone_name           = azurerm_dns_zone.this.name
  resource_group_name = var.resource_group_name
  ttl                 = 300
  record              = each.value
}
`,
    outputs: `output "name_servers" {
  description = "Name servers to delegate the zone to."
  value       = azurerm_dns_zone.this.name_servers
}
`,
  },
  iam: {
    description: "User-assigned managed identities federated with Kubernetes service accounts, with their role assignments.",
    variables: `${nameVariable}

variable "resource_group_name" {
  description = "Resource group of the identities."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "oidc_issuer_url" {
  description = "OIDC issuer of the AKS cluster."
  type        = string

  validation {
    condition     = startswith(var.oidc_issuer_url, "https://")
    error_message = "The OIDC issuer is an https:// URL."
  }
}

variable "workload_identities" {
  description = "Identities by short name: the service account (namespace/name) and the role assignments (role name by scope)."
  type = map(object({
    service_account = string
    roles           = map(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for identity in values(var.workload_identities) : can(regex("^[a-z0-9-]+/[a-z0-9-]+$", identity.service_account))])
    error_message = "Write service accounts as namespace/name."
  }
}

${tagsVariable("tags")}
`,
    main: `locals {
  assignments = merge([
    for identity, config in var.workload_identities : {
      for scope, role in config.roles : "\${identity}|\${scope}" => { identity = identity, scope = scope, role = role }
    }
  ]...)
}

resource "azurerm_user_assigned_identity" "workload" {
  for_each = var.workload_identities

  name                = "\${var.name}-\${each.key}"
  resource_group_name = var.resource_group_name
  location            = var.location

  tags = var.tags
}

resource "azurerm_federated_identity_credential" "workload" {
  for_each = var.workload_identities

  name                = "kubernetes"
  resource_group_name = var.resource_group_name
  parent_id           = azurerm_user_assigned_identity.workload[each.key].id
  issuer              = var.oidc_issuer_url
  subject             = "system:serviceaccount:\${replace(each.value.service_account, "/", ":")}"
  audience            = ["api://AzureADTokenExchange"]
}

resource "azurerm_role_assignment" "workload" {
  for_each = local.assignments

  scope                = each.value.scope
  role_definition_name = each.value.role
  principal_id         = azurerm_user_assigned_identity.workload[each.value.identity].principal_id
}
`,
    outputs: `output "client_ids" {
  description = "Client IDs by short name: annotate each service account with azure.workload.identity/client-id."
  value       = { for identity, config in azurerm_user_assigned_identity.workload : identity => config.client_id }
}
`,
  },
};

const gcp: Record<ModuleKey, Omit<ModuleSource, "providers">> = {
  network: {
    description: "Custom-mode VPC with a regional subnet (secondary ranges for pods and services), Cloud Router and Cloud NAT.",
    variables: `${nameVariable}

variable "region" {
  description = "Region of the subnet."
  type        = string
}

variable "cidr_block" {
  description = "Primary IPv4 range of the subnet; pods and services get ranges next to it."
  type        = string

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 16
    error_message = "Give a valid IPv4 CIDR block of /16 or larger: pods need room."
  }
}
`,
    main: `resource "google_compute_network" "this" {
  name                    = "\${var.name}-vpc"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "private" {
  name                     = "\${var.name}-private"
  network                  = google_compute_network.this.id
  region                   = var.region
  ip_cidr_range            = cidrsubnet(var.cidr_block, 4, 0)
  private_ip_google_access = true

  secondary_ip_range {
    range_name    = "pods"
    ip_cidr_range = cidrsubnet(var.cidr_block, 1, 1)
  }

  secondary_ip_range {
    range_name    = "services"
    ip_cidr_range = cidrsubnet(var.cidr_block, 4, 1)
  }

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
  }
}

resource "google_compute_global_address" "private_services" {
  name          = "\${var.name}-private-services"
  network       = google_compute_network.this.id
  purpose       = "VPC_PEERING"
  address_type  = "INTERNAL"
  prefix_length = 20
}

resource "google_service_networking_connection" "private_services" {
  network                 = google_compute_network.this.id
  service                 = "servicenetworking.googleapis.com"
  reserved_peering_ranges = [google_compute_global_address.private_services.name]
}

resource "google_compute_router" "this" {
  name    = "\${var.name}-router"
  network = google_compute_network.this.id
  region  = var.region
}

resource "google_compute_router_nat" "this" {
  name                               = "\${var.name}-nat"
  router                             = google_compute_router.this.name
  region                             = var.region
  nat_ip_allocate_option             = "AUTO_ONLY"
  source_subnetwork_ip_ranges_to_nat = "ALL_SUBNETWORKS_ALL_IP_RANGES"

  log_config {
    enable = true
    filter = "ERRORS_ONLY"
  }
}
`,
    outputs: `output "network_id" {
  description = "ID of the VPC network."
  value       = google_compute_network.this.id
}

output "subnet_id" {
  description = "ID of the private subnet."
  value       = google_compute_subnetwork.private.id
}

output "pods_range_name" {
  description = "Secondary range for pods."
  value       = "pods"
}

output "services_range_name" {
  description = "Secondary range for services."
  value       = "services"
}
`,
  },
  "compute-cluster": {
    description: "Regional private GKE cluster with Workload Identity and an autoscaling node pool.",
    variables: `${nameVariable}

variable "region" {
  description = "Region of the cluster (regional clusters span three zones)."
  type        = string
}

variable "network_id" {
  description = "VPC network."
  type        = string
}

variable "subnet_id" {
  description = "Subnet with secondary ranges for pods and services."
  type        = string
}

variable "release_channel" {
  description = "GKE release channel."
  type        = string
  default     = "REGULAR"

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE"], var.release_channel)
    error_message = "The release channel is RAPID, REGULAR or STABLE."
  }
}

variable "machine_type" {
  description = "Machine type of the nodes."
  type        = string
  default     = "n2-standard-4"
}

variable "node_min_count" {
  description = "Fewest nodes per zone."
  type        = number
  default     = 1
}

variable "node_max_count" {
  description = "Most nodes per zone."
  type        = number
  default     = 3

  validation {
    condition     = var.node_max_count >= 1 && var.node_max_count <= 100
    error_message = "Use between 1 and 100 nodes per zone."
  }
}

${tagsVariable("labels")}
`,
    main: `resource "google_service_account" "nodes" {
  account_id   = "\${var.name}-nodes"
  display_name = "GKE nodes of \${var.name}"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset(["roles/logging.logWriter", "roles/monitoring.metricWriter", "roles/artifactregistry.reader"])

  project = data.google_project.current.project_id
  role    = each.value
  member  = "serviceAccount:\${google_service_account.nodes.email}"
}

resource "google_container_cluster" "this" {
  name                     = var.name
  location                 = var.region
  network                  = var.network_id
  subnetwork               = var.subnet_id
  remove_default_node_pool = true
  initial_node_count       = 1
  deletion_protection      = true
  resource_labels          = var.labels

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = "pods"
    services_secondary_range_name = "services"
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }

  workload_identity_config {
    workload_pool = "\${data.google_project.current.project_id}.svc.id.goog"
  }
}

resource "google_container_node_pool" "default" {
  name     = "default"
  cluster  = google_container_cluster.this.id
  location = var.region

  autoscaling {
    min_node_count = var.node_min_count
    max_node_count = var.node_max_count
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type    = var.machine_type
    service_account = google_service_account.nodes.email
    oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
    labels          = var.labels

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot = true
    }
  }
}
`,
    outputs: `output "cluster_name" {
  description = "Name of the GKE cluster."
  value       = google_container_cluster.this.name
}

output "workload_pool" {
  description = "Workload Identity pool of the project."
  value       = "\${data.google_project.current.project_id}.svc.id.goog"
}
`,
  },
  database: {
    description: "Cloud SQL for PostgreSQL, regional (HA), private IP only, with point-in-time recovery.",
    variables: `${nameVariable}

variable "region" {
  description = "Region of the instance."
  type        = string
}

variable "database_version" {
  description = "Cloud SQL database version."
  type        = string
  default     = "POSTGRES_16"

  validation {
    condition     = can(regex("^POSTGRES_1[4-7]$", var.database_version))
    error_message = "Choose POSTGRES_14 to POSTGRES_17."
  }
}

variable "tier" {
  description = "Machine tier, e.g. db-custom-2-7680."
  type        = string
  default     = "db-custom-2-7680"
}

variable "network_id" {
  description = "VPC network with private services access."
  type        = string
}

variable "backup_retention_count" {
  description = "Daily backups kept."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_count >= 1 && var.backup_retention_count <= 365
    error_message = "Keep between 1 and 365 backups."
  }
}

${tagsVariable("labels")}
`,
    main: `resource "google_sql_database_instance" "this" {
  name                = var.name
  region              = var.region
  database_version    = var.database_version
  deletion_protection = true

  settings {
    tier              = var.tier
    availability_type = "REGIONAL"
    disk_autoresize   = true
    user_labels       = var.labels

    ip_configuration {
      ipv4_enabled    = false
      private_network = var.network_id
      ssl_mode        = "ENCRYPTED_ONLY"
    }

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      start_time                     = "02:00"

      backup_retention_settings {
        retained_backups = var.backup_retention_count
      }
    }

    maintenance_window {
      day  = 7
      hour = 3
    }

    database_flags {
      name  = "cloudsql.iam_authentication"
      value = "on"
    }
  }
}
`,
    outputs: `output "connection_name" {
  description = "Connection name for the Cloud SQL Auth Proxy."
  value       = google_sql_database_instance.this.connection_name
}

output "private_ip_address" {
  description = "Private IP of the instance."
  value       = google_sql_database_instance.this.private_ip_address
}
`,
  },
  "object-storage": {
    description: "Cloud Storage bucket with uniform access, public access prevention, versioning and lifecycle rules.",
    variables: `variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "Bucket names are 3-63 lowercase letters, digits, dots, underscores and hyphens."
  }
}

variable "location" {
  description = "Region or multi-region of the bucket."
  type        = string
}

variable "noncurrent_version_days" {
  description = "Days old versions are kept."
  type        = number
  default     = 90
}

${tagsVariable("labels")}
`,
    main: `resource "google_storage_bucket" "this" {
  name                        = var.bucket_name
  location                    = var.location
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = var.noncurrent_version_days
    }

    action {
      type = "Delete"
    }
  }

  soft_delete_policy {
    retention_duration_seconds = 604800
  }
}
`,
    outputs: `output "bucket_name" {
  description = "Name of the bucket."
  value       = google_storage_bucket.this.name
}

output "bucket_url" {
  description = "gs:// URL of the bucket."
  value       = google_storage_bucket.this.url
}
`,
  },
  dns: {
    description: "Cloud DNS managed zone with DNSSEC and its records.",
    variables: `variable "zone_name" {
  description = "DNS name of the zone, e.g. payments.example.com."
  type        = string

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "Give a fully qualified domain name in lowercase, without the trailing dot."
  }
}

variable "records" {
  description = "Records by name relative to the zone (\\"\\" for the apex)."
  type = map(object({
    type    = string
    ttl     = optional(number, 300)
    rrdatas = list(string)
  }))
  default = {}
}

${tagsVariable("labels")}
`,
    main: `resource "google_dns_managed_zone" "this" {
  name     = replace(var.zone_name, ".", "-")
  dns_name = "\${var.zone_name}."
  labels   = var.labels

  dnssec_config {
    state = "on"
  }
}

resource "google_dns_record_set" "this" {
  for_each = var.records

  managed_zone = google_dns_managed_zone.this.name
  name         = each.key == "" ? "\${var.zone_name}." : "\${each.key}.\${var.zone_name}."
  type         = each.value.type
  ttl          = each.value.ttl
  rrdatas      = each.value.rrdatas
}
`,
    outputs: `output "name_servers" {
  description = "Name servers to delegate the zone to."
  value       = google_dns_managed_zone.this.name_servers
}
`,
  },
  iam: {
    description: "Google service accounts for Kubernetes workloads (Workload Identity), with their project roles.",
    variables: `${nameVariable}

variable "workload_accounts" {
  description = "Service accounts by short name: the Kubernetes service account (namespace/name) and the project roles."
  type = map(object({
    service_account = string
    roles           = list(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for account in values(var.workload_accounts) : can(regex("^[a-z0-9-]+/[a-z0-9-]+$", account.service_account))])
    error_message = "Write service accounts as namespace/name."
  }
}
`,
    main: `locals {
  project = data.google_project.current.project_id

  account_roles = merge([
    for account, config in var.workload_accounts : {
      for role in config.roles : "\${account}|\${role}" => { account = account, role = role }
    }
  ]...)
}

resource "google_service_account" "workload" {
  for_each = var.workload_accounts

  account_id   = substr("\${var.name}-\${each.key}", 0, 30)
  display_name = "Workload \${each.key} of \${var.name}"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = var.workload_accounts

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:\${local.project}.svc.id.goog[\${each.value.service_account}]"
}

resource "google_project_iam_member" "workload" {
  for_each = local.account_roles

  project = local.project
  role    = each.value.role
  member  = "serviceAccount:\${google_service_account.workload[each.value.account].email}"
}
`,
    outputs: `output "emails" {
  description = "Service account emails by short name: annotate each Kubernetes service account with iam.gke.io/gcp-service-account."
  value       = { for account, config in google_service_account.workload : account => config.email }
}
`,
  },
};

const byProvider: Record<CloudProvider, Record<ModuleKey, Omit<ModuleSource, "providers">>> = { aws, azure, gcp };

export function moduleSource(provider: CloudProvider, module: ModuleKey): ModuleSource {
  const source = byProvider[provider][module];
  const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  return {
    description: source.description,
    providers: contextData[provider],
    variables: withNewline(source.variables),
    main: withNewline(source.main),
    outputs: withNewline(source.outputs),
  };
}
