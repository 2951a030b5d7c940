// The terraform-engineer's deliverables: a module tree (versions, providers, variables with validation,
// main, outputs per module), one root module per environment with its state backend and locking, a
// README, the plan/apply workflow with a production approval, drift detection, and the linter and
// policy-scanner configuration. Root modules carry the user's names and tags, so they are built with the
// HCL writer (every string escaped); the modules themselves hold no user text.
import type { Artifact, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { yamlDocument } from "@/lib/agents/shared/yaml-artifact";
import { hclIdentifier, hclString, markdownTable, markdownText } from "@/lib/agents/shared/escape";
import { attribute, attributes, blank, block, comment, expr, hclFile, type HclItem, type HclValue } from "@/lib/agents/shared/hcl";
import { cloudProviderLabels, regionLabel, type CloudProvider } from "@/lib/agents/shared/regions";
import { moduleSource, type ModuleKey } from "./modules";
import { backendChoice, driftChoice, moduleChoice, scannerChoice, type TerraformEngineerRequirements } from "./schema";

type Input = TerraformEngineerRequirements;
type Environment = Input["environments"][number];


const providerNames: Record<CloudProvider, { name: string; source: string }> = {
  aws: { name: "aws", source: "hashicorp/aws" },
  azure: { name: "azurerm", source: "hashicorp/azurerm" },
  gcp: { name: "google", source: "hashicorp/google" },
};

/** Extra providers some modules need (pinned loosely: they follow the main provider's lead). */
function extraProviders(input: Input): Record<string, { source: string; version: string }> {
  if (input.provider === "aws" && input.modules.includes("compute-cluster")) return { tls: { source: "hashicorp/tls", version: "~> 4.0" } };
  return {};
}

const isProduction = (environment: Environment) => /^(prod|production|prd|live)$/.test(environment.name);
const moduleOrder: ModuleKey[] = ["network", "compute-cluster", "database", "object-storage", "dns", "iam"];
const orderedModules = (input: Input) => moduleOrder.filter((module) => input.modules.includes(module));
const moduleId = (module: ModuleKey) => hclIdentifier(module);

function versionsFile(input: Input): string {
  const provider = providerNames[input.provider];
  const required: Record<string, HclValue> = { [provider.name]: { source: provider.source, version: input.providerVersion } };
  for (const [name, extra] of Object.entries(extraProviders(input))) required[name] = extra;
  return hclFile([block("terraform", [], [attribute("required_version", input.terraformVersion), block("required_providers", [], Object.entries(required).map(([name, value]) => attribute(name, value)))])]);
}

// ---------------------------------------------------------------------------------------------------
// Root modules
// ---------------------------------------------------------------------------------------------------

/** Tags every resource carries: fixed values from the request, the environment's name for "environment", others from variables. */
function tagEntries(input: Input): { key: string; value?: string; fromEnvironment: boolean }[] {
  return input.mandatoryTags.map((tag) => ({ key: tag.key, value: tag.value || undefined, fromEnvironment: !tag.value && /^env(ironment)?$/i.test(tag.key) }));
}

function backendFile(input: Input, environment: Environment): string {
  const key = `${input.namingPrefix}/${environment.name}/terraform.tfstate`;
  switch (input.stateBackend) {
    case "s3":
      return hclFile([
        comment("State in S3, encrypted; the DynamoDB table holds the lock so two applies never run at once."),
        block("terraform", [], [
          block("backend", ["s3"], attributes({ bucket: input.stateBucket!, key, region: input.stateRegion!, dynamodb_table: input.stateLockTable!, encrypt: true })),
        ]),
      ]);
    case "gcs":
      return hclFile([
        comment("State in Cloud Storage; GCS locks it natively while a plan or apply runs."),
        block("terraform", [], [block("backend", ["gcs"], attributes({ bucket: input.stateBucket!, prefix: `${input.namingPrefix}/${environment.name}` }))]),
      ]);
    case "azurerm":
      return hclFile([
        comment("State in a blob container; a blob lease locks it while a plan or apply runs."),
        block("terraform", [], [
          block("backend", ["azurerm"], attributes({ resource_group_name: input.azureResourceGroup!, storage_account_name: input.azureStorageAccount!, container_name: input.azureContainer!, key, use_azuread_auth: true })),
        ]),
      ]);
    case "terraform-cloud":
      return hclFile([
        comment("State and runs in HCP Terraform; the workspace locks itself during runs."),
        block("terraform", [], [block("cloud", [], [attribute("organization", input.tfcOrganization!), block("workspaces", [], [attribute("name", `${input.tfcWorkspacePrefix}${environment.name}`)])])]),
      ]);
  }
}

function providersFile(input: Input): string {
  const tags = expr("local.tags");
  switch (input.provider) {
    case "aws":
      return hclFile([block("provider", ["aws"], [attribute("region", expr("var.region")), block("default_tags", [], [attribute("tags", tags)])])]);
    case "azure":
      return hclFile([block("provider", ["azurerm"], [attribute("subscription_id", expr("var.subscription_id")), attribute("storage_use_azuread", true), block("features", [], [])])]);
    case "gcp":
      return hclFile([block("provider", ["google"], attributes({ project: expr("var.project_id"), region: expr("var.region"), default_labels: tags }))]);
  }
}

function variable(name: string, description: string, type: string, extra: HclItem[] = []): HclItem {
  return block("variable", [name], [attribute("description", description), attribute("type", expr(type)), ...extra]);
}

function validation(condition: string, message: string): HclItem {
  return block("validation", [], [attribute("condition", expr(condition)), attribute("error_message", message)]);
}

function rootVariablesFile(input: Input, environment: Environment): string {
  const items: HclItem[] = [
    variable("environment", "Name of the environment this root module manages.", "string", [validation(`var.environment == ${hclString(environment.name)}`, `This root module manages ${environment.name} only.`)]),
    variable("region", `${cloudProviderLabels[input.provider]} region of the environment.`, "string", [validation(`var.region == ${hclString(environment.region)}`, `${environment.name} runs in ${environment.region}; change the region in the request, not here.`)]),
  ];
  if (input.provider === "azure") items.push(variable("subscription_id", "Azure subscription of the environment.", "string", [validation('can(regex("^[0-9a-f-]{36}$", var.subscription_id))', "Give the subscription ID (a GUID).")]));
  if (input.provider === "gcp") items.push(variable("project_id", "Google Cloud project of the environment.", "string", [validation('can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))', "Project IDs are 6-30 lowercase letters, digits and hyphens.")]));
  const fromVariables = tagEntries(input).filter((tag) => !tag.value && !tag.fromEnvironment);
  if (fromVariables.length) {
    const keys = fromVariables.map((tag) => hclString(tag.key)).join(", ");
    items.push(variable("tag_values", "Values of the mandatory tags that differ per environment.", "map(string)", [validation(`alltrue([for key in [${keys}] : contains(keys(var.tag_values), key)])`, `Set a value for every mandatory tag: ${fromVariables.map((tag) => tag.key).join(", ")}.`)]));
  }
  const modules = input.modules;
  if (modules.includes("dns")) items.push(variable("dns_zone_name", "DNS zone this environment manages.", "string"));
  for (const existing of existingInfrastructure(input)) items.push(variable(existing.name, existing.description, existing.type));
  return hclFile(items);
}

/** Address plan: one /16 per environment, in the order the environments are listed. */
const environmentCidr = (input: Input, environment: Environment) => `10.${16 * (input.environments.indexOf(environment) % 16)}.0.0/16`;

function moduleCall(input: Input, environment: Environment, module: ModuleKey): HclItem {
  const has = (other: ModuleKey) => input.modules.includes(other);
  const production = isProduction(environment);
  const common: Record<string, HclValue> = { source: `../../modules/${module}` };
  const name = expr("local.name");
  const rg = expr("azurerm_resource_group.this.name");
  const location = expr("azurerm_resource_group.this.location");
  let inputs: Record<string, HclValue | undefined> = {};
  switch (input.provider) {
    case "aws":
      inputs = {
        network: { name, cidr_block: environmentCidr(input, environment), az_count: 3, single_nat_gateway: !production },
        "compute-cluster": { name, subnet_ids: expr("module.network.private_subnet_ids"), node_min_size: production ? 3 : 2, node_max_size: production ? 12 : 4 },
        database: {
          name,
          vpc_id: expr(has("network") ? "module.network.vpc_id" : "var.vpc_id"),
          subnet_ids: expr(has("network") ? "module.network.private_subnet_ids" : "var.private_subnet_ids"),
          allowed_cidr_blocks: [expr(has("network") ? "module.network.vpc_cidr_block" : "var.vpc_cidr_block")],
          multi_az: production,
          backup_retention_days: production ? 30 : 7,
        },
        "object-storage": { bucket_name: expr('"${local.name}-data"') },
        dns: { zone_name: expr("var.dns_zone_name") },
        iam: { name, oidc_provider_arn: expr(has("compute-cluster") ? "module.compute_cluster.oidc_provider_arn" : "var.oidc_provider_arn"), workload_roles: {} },
      }[module];
      break;
    case "azure":
      inputs = {
        network: { name, resource_group_name: rg, location, address_space: environmentCidr(input, environment), tags: expr("local.tags") },
        "compute-cluster": { name, resource_group_name: rg, location, subnet_id: expr("module.network.private_subnet_id"), node_min_count: production ? 3 : 1, node_max_count: production ? 12 : 4, tags: expr("local.tags") },
        database: {
          name,
          resource_group_name: rg,
          location,
          delegated_subnet_id: expr(has("network") ? "module.network.database_subnet_id" : "var.database_subnet_id"),
          private_dns_zone_id: expr(has("network") ? "module.network.postgres_private_dns_zone_id" : "var.postgres_private_dns_zone_id"),
          backup_retention_days: production ? 30 : 7,
          tags: expr("local.tags"),
        },
        "object-storage": { storage_account_name: `${`${input.namingPrefix}${environment.name}`.replace(/[^a-z0-9]/g, "").slice(0, 20)}data`, resource_group_name: rg, location, tags: expr("local.tags") },
        dns: { zone_name: expr("var.dns_zone_name"), resource_group_name: rg, tags: expr("local.tags") },
        iam: { name, resource_group_name: rg, location, oidc_issuer_url: expr(has("compute-cluster") ? "module.compute_cluster.oidc_issuer_url" : "var.oidc_issuer_url"), workload_identities: {}, tags: expr("local.tags") },
      }[module];
      break;
    case "gcp":
      inputs = {
        network: { name, region: expr("var.region"), cidr_block: environmentCidr(input, environment) },
        "compute-cluster": { name, region: expr("var.region"), network_id: expr("module.network.network_id"), subnet_id: expr("module.network.subnet_id"), node_min_count: production ? 1 : 0, node_max_count: production ? 4 : 2 },
        database: { name, region: expr("var.region"), network_id: expr(has("network") ? "module.network.network_id" : "var.network_id"), backup_retention_count: production ? 30 : 7 },
        "object-storage": { bucket_name: expr('"${local.name}-data"'), location: expr("upper(var.region)") },
        dns: { zone_name: expr("var.dns_zone_name") },
        iam: { name, workload_accounts: {} },
      }[module];
      break;
  }
  const items = [attribute("source", common.source), blankLine(), ...attributes(inputs ?? {})];
  return block("module", [moduleId(module)], items);
}

const blankLine = (): HclItem => ({ type: "blank" });

function rootMainFile(input: Input, environment: Environment): string {
  const tagObject: Record<string, HclValue> = {};
  for (const tag of tagEntries(input)) tagObject[tag.key] = tag.value !== undefined ? tag.value : tag.fromEnvironment ? expr("var.environment") : expr(`var.tag_values[${hclString(tag.key)}]`);
  tagObject["managed-by"] = "terraform";
  const items: HclItem[] = [
    block("locals", [], [attribute("name", expr(`"${input.namingPrefix}-\${var.environment}"`)), blankLine(), attribute("tags", tagObject)]),
  ];
  if (input.provider === "azure") {
    items.push(block("resource", ["azurerm_resource_group", "this"], [...attributes({ name: expr('"rg-${local.name}"'), location: expr("var.region") }), blankLine(), attribute("tags", expr("local.tags"))]));
  }
  for (const moduleKey of orderedModules(input)) items.push(moduleCall(input, environment, moduleKey));
  return hclFile(items);
}

function rootOutputsFile(input: Input): string {
  const outputs: [string, string, string][] = [];
  const has = (module: ModuleKey) => input.modules.includes(module);
  const byProvider: Record<CloudProvider, Partial<Record<ModuleKey, [string, string, string][]>>> = {
    aws: {
      network: [["vpc_id", "module.network.vpc_id", "ID of the VPC."], ["private_subnet_ids", "module.network.private_subnet_ids", "Private subnets."]],
      "compute-cluster": [["cluster_name", "module.compute_cluster.cluster_name", "Name of the EKS cluster."]],
      database: [["database_endpoint", "module.database.endpoint", "PostgreSQL endpoint."]],
      "object-storage": [["bucket_name", "module.object_storage.bucket_name", "Data bucket."]],
      dns: [["name_servers", "module.dns.name_servers", "Name servers to delegate the zone to."]],
      iam: [["workload_role_arns", "module.iam.role_arns", "IAM roles for service accounts."]],
    },
    azure: {
      network: [["vnet_id", "module.network.vnet_id", "ID of the virtual network."]],
      "compute-cluster": [["cluster_name", "module.compute_cluster.cluster_name", "Name of the AKS cluster."]],
      database: [["database_fqdn", "module.database.fqdn", "PostgreSQL host name."]],
      "object-storage": [["container_url", "module.object_storage.container_url", "Blob container URL."]],
      dns: [["name_servers", "module.dns.name_servers", "Name servers to delegate the zone to."]],
      iam: [["workload_client_ids", "module.iam.client_ids", "Managed identities for service accounts."]],
    },
    gcp: {
      network: [["network_id", "module.network.network_id", "ID of the VPC network."]],
      "compute-cluster": [["cluster_name", "module.compute_cluster.cluster_name", "Name of the GKE cluster."]],
      database: [["database_connection_name", "module.database.connection_name", "Cloud SQL connection name."]],
      "object-storage": [["bucket_url", "module.object_storage.bucket_url", "Data bucket."]],
      dns: [["name_servers", "module.dns.name_servers", "Name servers to delegate the zone to."]],
      iam: [["workload_service_accounts", "module.iam.emails", "Service accounts for workloads."]],
    },
  };
  for (const moduleKey of orderedModules(input)) if (has(moduleKey)) outputs.push(...(byProvider[input.provider][moduleKey] ?? []));
  return hclFile(outputs.map(([name, value, description]) => block("output", [name], [attribute("description", description), attribute("value", expr(value))])));
}

/**
 * Variables for what a module needs from a module not in this stack (an existing VPC, an existing
 * cluster's OIDC provider): declared in variables.tf and set in every tfvars to a placeholder that says what
 * to put there, so `terraform plan -input=false` never stops on an unset variable.
 */
function existingInfrastructure(input: Input): { name: string; description: string; type: string; placeholder: HclValue }[] {
  const modules = input.modules;
  const list: { name: string; description: string; type: string; placeholder: HclValue }[] = [];
  const add = (name: string, description: string, type: string) =>
    list.push({ name, description, type, placeholder: type === "list(string)" ? [`REPLACE-ME: ${description}`] : `REPLACE-ME: ${description}` });
  if (!modules.includes("network") && (modules.includes("database") || modules.includes("compute-cluster"))) {
    if (input.provider === "aws") {
      add("vpc_id", "Existing VPC (no network module in this stack).", "string");
      add("private_subnet_ids", "Existing private subnets.", "list(string)");
      add("vpc_cidr_block", "IPv4 range of the existing VPC.", "string");
    }
    if (input.provider === "azure") {
      add("database_subnet_id", "Existing subnet delegated to PostgreSQL.", "string");
      add("postgres_private_dns_zone_id", "Existing private DNS zone for PostgreSQL.", "string");
    }
    if (input.provider === "gcp") add("network_id", "Existing VPC network with private services access.", "string");
  }
  if (modules.includes("iam") && !modules.includes("compute-cluster")) {
    if (input.provider === "aws") add("oidc_provider_arn", "OIDC provider of the existing cluster.", "string");
    else if (input.provider === "azure") add("oidc_issuer_url", "OIDC issuer of the existing cluster.", "string");
    else add("workload_pool", "Workload Identity pool of the existing cluster.", "string");
  }
  return list;
}

function tfvarsFile(input: Input, environment: Environment): string {
  const values: Record<string, HclValue> = { environment: environment.name, region: environment.region };
  if (input.provider === "azure") values.subscription_id = "00000000-0000-0000-0000-000000000000";
  if (input.provider === "gcp") values.project_id = `${input.namingPrefix}-${environment.name}`.slice(0, 30);
  const fromVariables = tagEntries(input).filter((tag) => !tag.value && !tag.fromEnvironment);
  const items: HclItem[] = [...attributes(values)];
  if (input.provider === "azure" || input.provider === "gcp") items.unshift(comment(`Replace the ${input.provider === "azure" ? "subscription" : "project"} with the real one before the first plan.`));
  if (fromVariables.length) items.push(attribute("tag_values", Object.fromEntries(fromVariables.map((tag) => [tag.key, "set-me"]))));
  if (input.modules.includes("dns")) items.push(attribute("dns_zone_name", `${environment.name}.${input.namingPrefix}.example.com`));
  const existing = existingInfrastructure(input);
  if (existing.length) {
    items.push(blank, comment("Existing infrastructure this stack does not create: replace each placeholder before the first plan."));
    items.push(...existing.map((entry) => attribute(entry.name, entry.placeholder)));
  }
  return hclFile(items);
}

// ---------------------------------------------------------------------------------------------------
// CI workflows and scanner configuration
// ---------------------------------------------------------------------------------------------------

function cloudLogin(input: Input): Record<string, unknown>[] {
  if (input.stateBackend === "terraform-cloud") return [];
  switch (input.provider) {
    case "aws":
      return [{ uses: "aws-actions/configure-aws-credentials@v4", with: { "role-to-assume": "${{ vars.TERRAFORM_ROLE_ARN }}", "aws-region": "${{ vars.AWS_REGION }}" } }];
    case "azure":
      return [{ uses: "azure/login@v2", with: { "client-id": "${{ vars.AZURE_CLIENT_ID }}", "tenant-id": "${{ vars.AZURE_TENANT_ID }}", "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}" } }];
    case "gcp":
      return [{ uses: "google-github-actions/auth@v2", with: { workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", service_account: "${{ vars.GCP_TERRAFORM_SERVICE_ACCOUNT }}" } }];
  }
}

function setupTerraform(input: Input): Record<string, unknown> {
  const version = input.terraformVersion.replace(/^[~>=<! ]+/, "").split(",")[0].trim();
  return {
    uses: "hashicorp/setup-terraform@v3",
    with: { terraform_version: version, terraform_wrapper: false, ...(input.stateBackend === "terraform-cloud" ? { cli_config_credentials_token: "${{ secrets.TF_API_TOKEN }}" } : {}) },
  };
}

function workflowEnv(input: Input): Record<string, string> {
  return input.provider === "azure" ? { ARM_USE_OIDC: "true", ARM_CLIENT_ID: "${{ vars.AZURE_CLIENT_ID }}", ARM_TENANT_ID: "${{ vars.AZURE_TENANT_ID }}", ARM_SUBSCRIPTION_ID: "${{ vars.AZURE_SUBSCRIPTION_ID }}", TF_IN_AUTOMATION: "true" } : { TF_IN_AUTOMATION: "true" };
}

function planApplyWorkflow(input: Input): Record<string, unknown> {
  const names = input.environments.map((environment) => environment.name);
  const checkout = { uses: "actions/checkout@v4" };
  const jobs: Record<string, unknown> = {};
  const validateSteps: Record<string, unknown>[] = [
    checkout,
    setupTerraform(input),
    { name: "Format", run: "terraform fmt -check -recursive" },
    { name: "Validate every root module", run: 'for dir in environments/*/; do terraform -chdir="$dir" init -backend=false -input=false && terraform -chdir="$dir" validate; done' },
    { uses: "terraform-linters/setup-tflint@v4" },
    { name: "TFLint", run: "tflint --init && tflint --recursive --config \"$GITHUB_WORKSPACE/.tflint.hcl\"" },
  ];
  if (input.policyScanners.includes("checkov")) validateSteps.push({ name: "Checkov", uses: "bridgecrewio/checkov-action@v12", with: { config_file: ".checkov.yaml" } });
  if (input.policyScanners.includes("tfsec")) validateSteps.push({ name: "Trivy (tfsec checks)", uses: "aquasecurity/trivy-action@0.33.1", with: { "scan-type": "config", "trivy-config": "trivy.yaml" } });
  jobs.validate = { name: "Format, validate, lint and scan", "runs-on": "ubuntu-latest", steps: validateSteps };

  const planSteps: Record<string, unknown>[] = [
    checkout,
    setupTerraform(input),
    ...cloudLogin(input),
    { name: "Init", run: "terraform init -input=false", "working-directory": "environments/${{ matrix.environment }}" },
    { name: "Plan", run: "terraform plan -input=false -lock-timeout=5m -out=tfplan", "working-directory": "environments/${{ matrix.environment }}" },
  ];
  if (input.costEstimation) {
    const threshold = input.costApprovalThresholdUsd ?? 0;
    planSteps.push(
      { uses: "infracost/actions/setup@v3", with: { "api-key": "${{ secrets.INFRACOST_API_KEY }}" } },
      { name: "Cost of the change", run: "terraform show -json tfplan > plan.json && infracost diff --path=plan.json --format=json --out-file=/tmp/infracost.json && infracost comment github --path=/tmp/infracost.json --repo=$GITHUB_REPOSITORY --github-token=${{ github.token }} --pull-request=${{ github.event.pull_request.number }} --behavior=update", "working-directory": "environments/${{ matrix.environment }}" },
      {
        name: `Require approval above $${threshold} a month`,
        // A pull request labelled cost-approved has been reviewed by whoever owns the budget.
        if: "${{ !contains(github.event.pull_request.labels.*.name, 'cost-approved') }}",
        run: `increase=$(jq -r '.diffTotalMonthlyCost // "0"' /tmp/infracost.json); if awk -v d="$increase" 'BEGIN { exit !(d > ${threshold}) }'; then echo "::error::Monthly cost rises by \\$$increase (more than \\$${threshold}): add the cost-approved label after review."; exit 1; fi`,
      },
    );
  }
  jobs.plan = {
    name: "Plan ${{ matrix.environment }}",
    if: "github.event_name == 'pull_request'",
    needs: ["validate"],
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read", "id-token": "write", "pull-requests": "write" },
    strategy: { "fail-fast": false, matrix: { environment: names } },
    steps: planSteps,
  };
  let previous = "validate";
  for (const environment of input.environments) {
    const id = `apply-${environment.name}`;
    jobs[id] = {
      name: `Apply ${environment.name}`,
      if: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
      needs: [previous],
      "runs-on": "ubuntu-latest",
      // Production waits here for the environment's required reviewers, who read the plan in the log above.
      environment: { name: environment.name },
      concurrency: { group: `terraform-${environment.name}`, "cancel-in-progress": false },
      permissions: { contents: "read", "id-token": "write" },
      defaults: { run: { "working-directory": `environments/${environment.name}` } },
      steps: [checkout, setupTerraform(input), ...cloudLogin(input), { name: "Init", run: "terraform init -input=false" }, { name: "Plan", run: "terraform plan -input=false -lock-timeout=5m -out=tfplan" }, { name: "Apply the reviewed plan", run: "terraform apply -input=false -lock-timeout=5m tfplan" }],
    };
    previous = id;
  }
  return {
    name: "Terraform",
    on: { pull_request: { paths: ["modules/**", "environments/**", ".github/workflows/terraform.yml"] }, push: { branches: ["main"], paths: ["modules/**", "environments/**"] } },
    permissions: { contents: "read" },
    env: workflowEnv(input),
    jobs,
  };
}

function driftWorkflow(input: Input): Record<string, unknown> {
  const cron = input.driftDetection === "daily" ? "0 6 * * *" : "0 6 * * 1";
  return {
    name: "Terraform drift",
    on: { schedule: [{ cron }], workflow_dispatch: {} },
    permissions: { contents: "read", issues: "write", "id-token": "write" },
    env: workflowEnv(input),
    jobs: {
      drift: {
        name: "Drift in ${{ matrix.environment }}",
        "runs-on": "ubuntu-latest",
        strategy: { "fail-fast": false, matrix: { environment: input.environments.map((environment) => environment.name) } },
        defaults: { run: { "working-directory": "environments/${{ matrix.environment }}" } },
        steps: [
          { uses: "actions/checkout@v4" },
          setupTerraform(input),
          ...cloudLogin(input),
          { run: "terraform init -input=false" },
          {
            name: "Plan against the real infrastructure",
            // -detailed-exitcode: 0 no changes, 1 error, 2 drift.
            run: 'set +e; terraform plan -input=false -lock=false -detailed-exitcode -no-color > plan.txt; code=$?; set -e; if [ $code -eq 2 ]; then gh issue create --title "Drift in ${{ matrix.environment }}" --label drift --body-file plan.txt; fi; [ $code -ne 1 ]',
            env: { GH_TOKEN: "${{ github.token }}" },
          },
        ],
      },
    },
  };
}

function tflintConfig(input: Input): string {
  const plugin = { aws: ["aws", "0.38.0", "github.com/terraform-linters/tflint-ruleset-aws"], azure: ["azurerm", "0.28.0", "github.com/terraform-linters/tflint-ruleset-azurerm"], gcp: ["google", "0.31.0", "github.com/terraform-linters/tflint-ruleset-google"] }[input.provider];
  return hclFile([
    block("config", [], [attribute("call_module_type", "local")]),
    block("plugin", ["terraform"], attributes({ enabled: true, preset: "recommended" })),
    block("plugin", [plugin[0]], attributes({ enabled: true, version: plugin[1], source: plugin[2] })),
    block("rule", ["terraform_naming_convention"], [attribute("enabled", true)]),
    block("rule", ["terraform_documented_variables"], [attribute("enabled", true)]),
  ]);
}

// ---------------------------------------------------------------------------------------------------
// README
// ---------------------------------------------------------------------------------------------------

function readme(input: Input, tree: string[]): string {
  const parts = [
    `# Infrastructure: ${markdownText(input.namingPrefix)} on ${cloudProviderLabels[input.provider]}`,
    "",
    `Modules: ${orderedModules(input).map((module) => moduleChoice.label(module)).join(", ")}. Environments: ${input.environments.map((environment) => `${environment.name} (${regionLabel(input.provider, environment.region)})`).join(", ")}.`,
    "",
    "## Layout",
    "",
    "```text",
    ...tree,
    "```",
    "",
    "Each environment is its own root module with its own state: a mistake in one cannot touch another. Modules hold no provider configuration; the root modules configure the provider and pass everything in.",
    "",
    "## Modules",
    "",
    markdownTable(["Module", "What it builds"], orderedModules(input).map((module) => [module, moduleSource(input.provider, module).description])),
    "",
    "## State",
    "",
    `${backendChoice.label(input.stateBackend)}: ${
      input.stateBackend === "s3"
        ? `bucket \`${input.stateBucket}\` in ${input.stateRegion}, lock table \`${input.stateLockTable}\`. Create both once, outside this code (versioning and encryption on the bucket; a table with the string partition key \`LockID\`). On Terraform 1.10+ you can switch to S3-native locking with \`use_lockfile = true\` and retire the table.`
        : input.stateBackend === "gcs"
          ? `bucket \`${input.stateBucket}\` with object versioning on; GCS locks the state natively.`
          : input.stateBackend === "azurerm"
            ? `container \`${input.azureContainer}\` in storage account \`${input.azureStorageAccount}\` (resource group \`${input.azureResourceGroup}\`), locked by blob lease, accessed with Entra ID rather than account keys.`
            : `organization \`${input.tfcOrganization}\`, one workspace per environment (\`${input.tfcWorkspacePrefix}<environment>\`), set to run locally or remotely as you prefer.`
    }`,
    "",
    "## Conventions",
    "",
    `- Names start with \`${input.namingPrefix}-<environment>\`.`,
    `- Mandatory tags on every resource: ${input.mandatoryTags.map((tag) => `\`${tag.key.replace(/`/g, "'")}\``).join(", ")}${input.provider === "azure" ? " (passed to every module)" : " (through the provider's default tags)"}.`,
    `- Terraform \`${input.terraformVersion}\`, ${providerNames[input.provider].source} \`${input.providerVersion}\`; commit \`.terraform.lock.hcl\` after the first \`terraform init\`.`,
    "",
    "## Pipeline",
    "",
    "- Pull requests: `terraform fmt`, `validate`, TFLint" + (input.policyScanners.length ? `, ${input.policyScanners.map((scanner) => scannerChoice.label(scanner)).join(" and ")}` : "") + ", then a plan per environment" + (input.costEstimation ? ` with an Infracost estimate; a monthly increase above $${input.costApprovalThresholdUsd ?? 0} needs the \`cost-approved\` label` : "") + ".",
    `- Merges to main apply ${input.environments.map((environment) => environment.name).join(" → ")} in order; ${input.environments.filter(isProduction).map((environment) => `\`${environment.name}\``).join(", ") || "production"} waits for a required reviewer (set it in Settings → Environments).`,
    input.driftDetection === "none" ? "- Drift detection is off." : `- ${driftChoice.label(input.driftDetection)} drift detection plans every environment and opens an issue when the real infrastructure differs.`,
    "",
    "## Run it locally",
    "",
    "```sh",
    `cd environments/${input.environments[0].name}`,
    "terraform init",
    "terraform plan",
    "```",
  ];
  if (input.notes) parts.push("", "## Notes from the request", "", markdownText(input.notes));
  return `${parts.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------

function generate(input: Input) {
  const artifacts: Artifact[] = [];
  const hcl = (path: string, content: string) => artifacts.push({ path, kind: "terraform", mediaType: mediaTypes.hcl, content });
  const versions = versionsFile(input);
  for (const moduleKey of orderedModules(input)) {
    const source = moduleSource(input.provider, moduleKey);
    hcl(`modules/${moduleKey}/versions.tf`, versions);
    hcl(`modules/${moduleKey}/providers.tf`, source.providers);
    hcl(`modules/${moduleKey}/variables.tf`, source.variables);
    hcl(`modules/${moduleKey}/main.tf`, source.main);
    hcl(`modules/${moduleKey}/outputs.tf`, source.outputs);
  }
  for (const environment of input.environments) {
    const directory = `environments/${environment.name}`;
    hcl(`${directory}/versions.tf`, versions);
    hcl(`${directory}/backend.tf`, backendFile(input, environment));
    hcl(`${directory}/providers.tf`, providersFile(input));
    hcl(`${directory}/variables.tf`, rootVariablesFile(input, environment));
    hcl(`${directory}/main.tf`, rootMainFile(input, environment));
    hcl(`${directory}/outputs.tf`, rootOutputsFile(input));
    artifacts.push({ path: `${directory}/terraform.tfvars`, kind: "terraform", mediaType: mediaTypes.tfvars, content: tfvarsFile(input, environment) });
  }
  artifacts.push({ path: ".github/workflows/terraform.yml", kind: "pipeline", mediaType: mediaTypes.yaml, content: yamlDocument(planApplyWorkflow(input)) });
  if (input.driftDetection !== "none") artifacts.push({ path: ".github/workflows/terraform-drift.yml", kind: "pipeline", mediaType: mediaTypes.yaml, content: yamlDocument(driftWorkflow(input)) });
  artifacts.push({ path: ".tflint.hcl", kind: "policy", mediaType: mediaTypes.hcl, content: tflintConfig(input) });
  if (input.policyScanners.includes("checkov")) {
    artifacts.push({ path: ".checkov.yaml", kind: "policy", mediaType: mediaTypes.yaml, content: yamlDocument({ directory: ["modules", "environments"], framework: ["terraform"], "download-external-modules": false, compact: true, quiet: true, "soft-fail": false, "skip-path": [".terraform"] }) });
  }
  if (input.policyScanners.includes("tfsec")) {
    artifacts.push({ path: "trivy.yaml", kind: "policy", mediaType: mediaTypes.yaml, content: yamlDocument({ severity: ["MEDIUM", "HIGH", "CRITICAL"], "exit-code": 1, misconfiguration: { scanners: ["terraform"] }, scan: { "skip-dirs": ["**/.terraform"] } }) });
  }
  artifacts.push({ path: ".gitignore", kind: "build", mediaType: mediaTypes.text, content: ["# Local state and provider caches never go to Git; the lock file does.", ".terraform/", "*.tfstate", "*.tfstate.*", "tfplan", "plan.json", "crash.log", ""].join("\n") });
  const tree = [".", ...artifacts.map((artifact) => artifact.path).sort().map((path) => `├── ${path}`)];
  tree[tree.length - 1] = tree[tree.length - 1].replace("├──", "└──");
  artifacts.push({ path: "README.md", kind: "document", mediaType: mediaTypes.markdown, content: readme(input, tree) });

  const hclFiles = artifacts.filter((artifact) => artifact.kind === "terraform");
  const validations = hclFiles.reduce((count, artifact) => count + (artifact.content.match(/^\s*validation \{/gm) ?? []).length, 0);
  const summary: SummaryFigure[] = [
    { key: "modules", label: "Modules", value: input.modules.length, detail: orderedModules(input).join(", ") },
    { key: "environments", label: "Environments", value: input.environments.length, detail: input.environments.map((environment) => environment.name).join(" → ") },
    { key: "terraform-files", label: "Terraform files", value: hclFiles.length, detail: "parsed and laid out as terraform fmt would" },
    { key: "validations", label: "Variable validations", value: validations },
    { key: "state-backend", label: "State backend", value: backendChoice.label(input.stateBackend) },
    { key: "policy-scanners", label: "Policy scanners", value: input.policyScanners.length ? input.policyScanners.map((scanner) => scannerChoice.label(scanner)).join(", ") : "none", detail: "TFLint always runs" },
    ...(input.costEstimation ? [{ key: "cost-threshold", label: "Cost increase needing approval", value: input.costApprovalThresholdUsd ?? 0, unit: "USD/month" }] : []),
  ];
  return { summary, artifacts };
}

export const terraformEngineerGenerator: RoleGenerator<Input> = { role: "terraform-engineer", version: "1.2.0", generate };
