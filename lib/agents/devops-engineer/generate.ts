// The devops-engineer's deliverables: a CI/CD workflow for every service, a multi-stage Dockerfile per
// containerised service, Makefile targets, a Prometheus scrape config with starter alerts, a Grafana
// dashboard, and a 30/60/90-day roadmap from where delivery stands to where the team wants it.
import type { Artifact, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { yamlDocument } from "@/lib/agents/shared/yaml-artifact";
import { markdownTable, markdownText } from "@/lib/agents/shared/escape";
import { formatNumber } from "@/lib/agents/shared/numbers";
import {
  containerPlatformChoice,
  goalChoice,
  hostingChoice,
  iacToolChoice,
  languageChoice,
  maturityChoice,
  monitoringChoice,
  kubernetesPlatforms,
  scrapesByEc2Discovery,
  secretsChoice,
  type DevopsEngineerRequirements,
} from "./schema";

type Input = DevopsEngineerRequirements;
type Service = Input["services"][number];
type Language = Service["language"];


// ---------------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------------

interface LanguageKit {
  setup: Record<string, unknown>;
  test: string;
  build: string;
  lint: string;
  dockerfile: (service: Service) => string[];
}

const languageKits: Record<Language, LanguageKit> = {
  typescript: {
    setup: { uses: "actions/setup-node@v4", with: { "node-version": "22", cache: "npm", "cache-dependency-path": "services/${{ matrix.service }}/package-lock.json" } },
    test: "npm ci && npm test",
    build: "npm run build",
    lint: "npm run lint",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM node:22-bookworm-slim AS deps",
      "WORKDIR /app",
      "COPY package.json package-lock.json ./",
      "RUN --mount=type=cache,target=/root/.npm npm ci",
      "",
      "FROM deps AS build",
      "COPY . .",
      "RUN npm run build && npm prune --omit=dev",
      "",
      "FROM gcr.io/distroless/nodejs22-debian12:nonroot",
      "WORKDIR /app",
      "ENV NODE_ENV=production",
      "COPY --from=build /app/node_modules ./node_modules",
      "COPY --from=build /app/dist ./dist",
      "COPY --from=build /app/package.json ./",
      "USER nonroot",
      "EXPOSE 8080",
      'CMD ["dist/server.js"]',
    ],
  },
  java: {
    setup: { uses: "actions/setup-java@v4", with: { distribution: "temurin", "java-version": "21", cache: "gradle" } },
    test: "./gradlew --no-daemon check",
    build: "./gradlew --no-daemon bootJar",
    lint: "./gradlew --no-daemon spotlessCheck",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM eclipse-temurin:21-jdk AS build",
      "WORKDIR /src",
      "COPY gradlew settings.gradle* build.gradle* ./",
      "COPY gradle ./gradle",
      "RUN --mount=type=cache,target=/root/.gradle ./gradlew --no-daemon dependencies",
      "COPY . .",
      "RUN --mount=type=cache,target=/root/.gradle ./gradlew --no-daemon bootJar && cp build/libs/*.jar /app.jar",
      "",
      "FROM gcr.io/distroless/java21-debian12:nonroot",
      "COPY --from=build /app.jar /app/app.jar",
      "USER nonroot",
      "EXPOSE 8080",
      'ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]',
    ],
  },
  go: {
    setup: { uses: "actions/setup-go@v5", with: { "go-version-file": "services/${{ matrix.service }}/go.mod" } },
    test: "go test -race ./...",
    build: "CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o bin/app .",
    lint: "go vet ./...",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM golang:1.24-bookworm AS build",
      "WORKDIR /src",
      "COPY go.mod go.sum ./",
      "RUN --mount=type=cache,target=/go/pkg/mod go mod download",
      "COPY . .",
      "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\",
      "    CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o /out/app .",
      "",
      "FROM gcr.io/distroless/static-debian12:nonroot",
      "COPY --from=build /out/app /app",
      "USER nonroot",
      "EXPOSE 8080",
      'ENTRYPOINT ["/app"]',
    ],
  },
  python: {
    setup: { uses: "actions/setup-python@v5", with: { "python-version": "3.12", cache: "pip" } },
    test: "pip install -r requirements.txt -r requirements-dev.txt && pytest",
    build: "python -m compileall -q .",
    lint: "ruff check .",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM python:3.12-slim AS build",
      "WORKDIR /app",
      "RUN python -m venv /venv",
      "ENV PATH=/venv/bin:$PATH",
      "COPY requirements.txt .",
      "RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt",
      "COPY . .",
      "",
      "FROM python:3.12-slim",
      "RUN useradd --uid 10001 --no-create-home app",
      "WORKDIR /app",
      "ENV PATH=/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1",
      "COPY --from=build /venv /venv",
      "COPY --from=build /app /app",
      "USER 10001",
      "EXPOSE 8080",
      'CMD ["gunicorn", "--bind", "0.0.0.0:8080", "app:app"]',
    ],
  },
  dotnet: {
    setup: { uses: "actions/setup-dotnet@v4", with: { "dotnet-version": "8.0.x" } },
    test: "dotnet test",
    build: "dotnet publish -c Release -o out",
    lint: "dotnet format --verify-no-changes",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build",
      "WORKDIR /src",
      "COPY *.csproj ./",
      "RUN dotnet restore",
      "COPY . .",
      "RUN dotnet publish -c Release --no-restore -o /out",
      "",
      "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled",
      "WORKDIR /app",
      "COPY --from=build /out .",
      "USER app",
      "ENV ASPNETCORE_HTTP_PORTS=8080",
      "EXPOSE 8080",
      'ENTRYPOINT ["dotnet", "App.dll"]',
    ],
  },
  ruby: {
    setup: { uses: "ruby/setup-ruby@v1", with: { "ruby-version": "3.3", "bundler-cache": true, "working-directory": "services/${{ matrix.service }}" } },
    test: "bundle exec rspec",
    build: "bundle exec rake assets:precompile",
    lint: "bundle exec rubocop",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM ruby:3.3-slim AS build",
      "RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*",
      "WORKDIR /app",
      "ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test BUNDLE_PATH=/usr/local/bundle",
      "COPY Gemfile Gemfile.lock ./",
      "RUN bundle install",
      "COPY . .",
      "",
      "FROM ruby:3.3-slim",
      "RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/* && useradd --uid 10001 app",
      "WORKDIR /app",
      "ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test BUNDLE_PATH=/usr/local/bundle",
      "COPY --from=build /usr/local/bundle /usr/local/bundle",
      "COPY --from=build --chown=10001 /app /app",
      "USER 10001",
      "EXPOSE 8080",
      'CMD ["bundle", "exec", "puma", "-b", "tcp://0.0.0.0:8080"]',
    ],
  },
  php: {
    setup: { uses: "shivammathur/setup-php@v2", with: { "php-version": "8.3", tools: "composer" } },
    test: "composer install --no-interaction && vendor/bin/phpunit",
    build: "composer install --no-dev --optimize-autoloader",
    lint: "vendor/bin/phpstan analyse",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM composer:2 AS deps",
      "WORKDIR /app",
      "COPY composer.json composer.lock ./",
      "RUN composer install --no-dev --no-scripts --prefer-dist --optimize-autoloader",
      "",
      "FROM php:8.3-fpm-alpine",
      "RUN docker-php-ext-install opcache pdo_mysql",
      "WORKDIR /var/www/html",
      "COPY --from=deps /app/vendor ./vendor",
      "COPY . .",
      "USER www-data",
      "EXPOSE 9000",
      'CMD ["php-fpm"]',
    ],
  },
  rust: {
    setup: { uses: "dtolnay/rust-toolchain@stable" },
    test: "cargo test --locked",
    build: "cargo build --release --locked",
    lint: "cargo clippy --locked -- -D warnings",
    dockerfile: () => [
      "# syntax=docker/dockerfile:1",
      "FROM rust:1-bookworm AS build",
      "WORKDIR /src",
      "COPY . .",
      "RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/src/target \\",
      "    cargo build --release --locked && cp target/release/app /app",
      "",
      "FROM gcr.io/distroless/cc-debian12:nonroot",
      "COPY --from=build /app /app",
      "USER nonroot",
      "EXPOSE 8080",
      'ENTRYPOINT ["/app"]',
    ],
  },
};

// ---------------------------------------------------------------------------------------------------
// Registry and deploy commands by hosting and platform
// ---------------------------------------------------------------------------------------------------

function registry(input: Input): { host: string; login: Record<string, unknown>[] } {
  switch (input.hosting) {
    case "aws":
      return {
        host: "${{ vars.AWS_ACCOUNT_ID }}.dkr.ecr.${{ vars.AWS_REGION }}.amazonaws.com",
        login: [
          { uses: "aws-actions/configure-aws-credentials@v4", with: { "role-to-assume": "${{ vars.DEPLOY_ROLE_ARN }}", "aws-region": "${{ vars.AWS_REGION }}" } },
          { uses: "aws-actions/amazon-ecr-login@v2" },
        ],
      };
    case "azure":
      return {
        host: "${{ vars.ACR_NAME }}.azurecr.io",
        login: [
          { uses: "azure/login@v2", with: { "client-id": "${{ vars.AZURE_CLIENT_ID }}", "tenant-id": "${{ vars.AZURE_TENANT_ID }}", "subscription-id": "${{ vars.AZURE_SUBSCRIPTION_ID }}" } },
          { run: "az acr login --name ${{ vars.ACR_NAME }}" },
        ],
      };
    case "gcp":
      return {
        host: "${{ vars.GCP_REGION }}-docker.pkg.dev/${{ vars.GCP_PROJECT }}/services",
        login: [
          { uses: "google-github-actions/auth@v2", with: { "workload_identity_provider": "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}", "service_account": "${{ vars.GCP_DEPLOY_SERVICE_ACCOUNT }}" } },
          { run: "gcloud auth configure-docker ${{ vars.GCP_REGION }}-docker.pkg.dev --quiet" },
        ],
      };
    case "on-premises":
      return { host: "${{ vars.REGISTRY_HOST }}", login: [{ uses: "docker/login-action@v3", with: { registry: "${{ vars.REGISTRY_HOST }}", username: "${{ vars.REGISTRY_USERNAME }}", password: "${{ secrets.REGISTRY_PASSWORD }}" } }] };
  }
}

function deployCommand(input: Input, service: Service, environment: string): string {
  const image = `${registry(input).host}/${service.name}:\${{ github.sha }}`;
  if (service.runtime === "serverless") {
    return {
      aws: `aws lambda update-function-code --function-name ${service.name}-${environment} --zip-file fileb://services/${service.name}/dist/function.zip --publish`,
      azure: `func azure functionapp publish ${service.name}-${environment}`,
      gcp: `gcloud functions deploy ${service.name}-${environment} --gen2 --region \${{ vars.GCP_REGION }} --source services/${service.name}`,
      "on-premises": `make -C services/${service.name} deploy ENVIRONMENT=${environment}`,
    }[input.hosting];
  }
  if (service.runtime === "vm") return `ansible-playbook deploy/${service.name}.yml -i deploy/inventories/${environment} -e version=\${{ github.sha }}`;
  switch (input.containerPlatform) {
    case "ecs":
      return `aws ecs update-service --cluster ${environment} --service ${service.name} --force-new-deployment # the task definition reads the image tag from SSM: ${image}`;
    case "container-apps":
      return `az containerapp update --name ${service.name} --resource-group ${environment} --image ${image}`;
    case "cloud-run":
      return `gcloud run deploy ${service.name} --region \${{ vars.GCP_REGION }} --image ${image} --project \${{ vars.GCP_PROJECT }}-${environment}`;
    case "nomad":
      return `nomad job run -var image=${image} deploy/${service.name}.${environment}.nomad.hcl`;
    default:
      return `kubectl -n ${environment} set image deployment/${service.name} ${service.name}=${image} && kubectl -n ${environment} rollout status deployment/${service.name} --timeout=10m`;
  }
}

// ---------------------------------------------------------------------------------------------------
// CI/CD workflow
// ---------------------------------------------------------------------------------------------------

function iacJob(input: Input): Record<string, unknown> | undefined {
  const steps: Record<string, unknown>[] = [{ uses: "actions/checkout@v4" }];
  switch (input.iacTool) {
    case "terraform":
      steps.push({ uses: "hashicorp/setup-terraform@v3" }, { run: "terraform fmt -check -recursive && terraform init -backend=false && terraform validate", "working-directory": "infra" });
      break;
    case "opentofu":
      steps.push({ uses: "opentofu/setup-opentofu@v1" }, { run: "tofu fmt -check -recursive && tofu init -backend=false && tofu validate", "working-directory": "infra" });
      break;
    case "pulumi":
      steps.push({ uses: "pulumi/actions@v6", with: { command: "preview", "stack-name": "staging", "work-dir": "infra" }, env: { PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_ACCESS_TOKEN }}" } });
      break;
    case "cloudformation":
      steps.push({ run: "pip install cfn-lint && cfn-lint 'infra/**/*.yaml'" });
      break;
    case "bicep":
      steps.push({ run: "az bicep build --file infra/main.bicep" });
      break;
    case "none":
      return undefined;
  }
  return { name: `Infrastructure (${iacToolChoice.label(input.iacTool)})`, "runs-on": "ubuntu-latest", steps };
}

function workflow(input: Input): Record<string, unknown> {
  const jobs: Record<string, unknown> = {};
  const languages = [...new Set(input.services.map((service) => service.language))];
  // One job per language, a matrix over its services: each service builds and tests in its own folder.
  for (const language of languages) {
    const services = input.services.filter((service) => service.language === language).map((service) => service.name);
    const kit = languageKits[language];
    jobs[`test-${language}`] = {
      name: `Test ${languageChoice.label(language)} (\${{ matrix.service }})`,
      "runs-on": "ubuntu-latest",
      strategy: { "fail-fast": false, matrix: { service: services } },
      defaults: { run: { "working-directory": "services/${{ matrix.service }}" } },
      steps: [{ uses: "actions/checkout@v4" }, kit.setup, { name: "Lint", run: kit.lint }, { name: "Test", run: kit.test }, { name: "Build", run: kit.build }],
    };
  }
  const iac = iacJob(input);
  if (iac) jobs.infrastructure = iac;
  const testJobs = [...languages.map((language) => `test-${language}`), ...(iac ? ["infrastructure"] : [])];
  const containers = input.services.filter((service) => service.runtime === "container");
  const { host, login } = registry(input);
  if (containers.length) {
    jobs.images = {
      name: "Image ${{ matrix.service }}",
      needs: testJobs,
      if: "github.ref == 'refs/heads/main'",
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read", "id-token": "write", packages: "write" },
      strategy: { matrix: { service: containers.map((service) => service.name) } },
      steps: [
        { uses: "actions/checkout@v4" },
        ...login,
        { uses: "docker/setup-buildx-action@v3" },
        { uses: "docker/build-push-action@v6", with: { context: "services/${{ matrix.service }}", push: true, tags: `${host}/\${{ matrix.service }}:\${{ github.sha }}`, "cache-from": "type=gha,scope=${{ matrix.service }}", "cache-to": "type=gha,mode=max,scope=${{ matrix.service }}", provenance: true, sbom: true } },
        { name: "Scan the image", uses: "aquasecurity/trivy-action@0.33.1", with: { "image-ref": `${host}/\${{ matrix.service }}:\${{ github.sha }}`, severity: "HIGH,CRITICAL", "ignore-unfixed": true, "exit-code": "1" } },
      ],
    };
  }
  let previous = containers.length ? ["images"] : testJobs;
  for (const environment of ["staging", "production"]) {
    jobs[`deploy-${environment}`] = {
      name: `Deploy to ${environment}`,
      needs: previous,
      if: "github.ref == 'refs/heads/main'",
      "runs-on": "ubuntu-latest",
      // Production waits for the environment's required reviewers (Settings → Environments).
      environment: { name: environment },
      concurrency: { group: `deploy-${environment}`, "cancel-in-progress": false },
      permissions: { contents: "read", "id-token": "write" },
      steps: [
        { uses: "actions/checkout@v4" },
        ...login,
        ...input.services.map((service) => ({ name: `Deploy ${service.name}`, run: deployCommand(input, service, environment) })),
      ],
    };
    previous = [`deploy-${environment}`];
  }
  return {
    name: "CI/CD",
    on: { push: { branches: ["main"] }, pull_request: {} },
    permissions: { contents: "read" },
    concurrency: { group: "ci-${{ github.ref }}", "cancel-in-progress": "${{ github.event_name == 'pull_request' }}" },
    jobs,
  };
}

// ---------------------------------------------------------------------------------------------------
// Makefile
// ---------------------------------------------------------------------------------------------------

function makefile(input: Input): string {
  const containers = input.services.filter((service) => service.runtime === "container").map((service) => service.name);
  const lines = [
    "# Day-to-day entry points; CI runs the same targets. `make help` lists them.",
    "SHELL := /bin/bash",
    ".DEFAULT_GOAL := help",
    "",
    `SERVICES := ${input.services.map((service) => service.name).join(" ")}`,
    `CONTAINER_SERVICES := ${containers.join(" ")}`,
    "REGISTRY ?= registry.example.com",
    "VERSION ?= $(shell git rev-parse --short HEAD)",
    "ENVIRONMENT ?= staging",
    "",
    ".PHONY: help lint test build images push scan deploy infra-plan clean",
    "",
    "help: ## List the targets",
    "\t@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = \":.*## \"}; {printf \"  %-12s %s\\n\", $$1, $$2}'",
    "",
  ];
  const perService = (target: string, description: string, commands: Record<Language, string>) => {
    lines.push(`${target}: ## ${description}`);
    for (const service of input.services) lines.push(`\tcd services/${service.name} && ${commands[service.language]}`);
    lines.push("");
  };
  const kits = (key: "lint" | "test" | "build") => Object.fromEntries(Object.entries(languageKits).map(([language, kit]) => [language, kit[key]])) as Record<Language, string>;
  perService("lint", "Lint every service", kits("lint"));
  perService("test", "Run every service's tests", kits("test"));
  perService("build", "Build every service", kits("build"));
  lines.push(
    "images: ## Build the container images",
    "\t@for service in $(CONTAINER_SERVICES); do \\",
    "\t\tdocker build -t $(REGISTRY)/$$service:$(VERSION) services/$$service || exit 1; \\",
    "\tdone",
    "",
    "push: images ## Push the container images",
    "\t@for service in $(CONTAINER_SERVICES); do docker push $(REGISTRY)/$$service:$(VERSION) || exit 1; done",
    "",
    "scan: images ## Scan the images for HIGH and CRITICAL vulnerabilities",
    "\t@for service in $(CONTAINER_SERVICES); do trivy image --severity HIGH,CRITICAL --exit-code 1 $(REGISTRY)/$$service:$(VERSION) || exit 1; done",
    "",
  );
  lines.push("deploy: ## Deploy every service to $(ENVIRONMENT)");
  for (const service of input.services) {
    const command = deployCommand(input, service, "$(ENVIRONMENT)")
      .replace(/\$\{\{ vars\.([A-Z_]+) \}\}/g, "$($1)")
      .replace(/\$\{\{ github\.sha \}\}/g, "$(VERSION)");
    lines.push(`\t${command}`);
  }
  lines.push("");
  if (input.iacTool === "terraform" || input.iacTool === "opentofu") {
    const binary = input.iacTool === "terraform" ? "terraform" : "tofu";
    lines.push("infra-plan: ## Plan the infrastructure changes for $(ENVIRONMENT)", `\tcd infra && ${binary} init && ${binary} plan -var-file=environments/$(ENVIRONMENT).tfvars`, "");
  } else {
    lines.push(`infra-plan: ## Preview the infrastructure changes (${iacToolChoice.label(input.iacTool)})`, input.iacTool === "none" ? "\t@echo 'No infrastructure code yet: see roadmap.md'" : input.iacTool === "pulumi" ? "\tcd infra && pulumi preview --stack $(ENVIRONMENT)" : input.iacTool === "bicep" ? "\taz deployment group what-if --resource-group $(ENVIRONMENT) --template-file infra/main.bicep" : "\taws cloudformation deploy --no-execute-changeset --template-file infra/main.yaml --stack-name $(ENVIRONMENT)", "");
  }
  lines.push("clean: ## Remove build outputs", "\tgit clean -fdX services/");
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------

function prometheusConfig(input: Input): Record<string, unknown> {
  const names = input.services.map((service) => service.name);
  const serviceRegex = names.join("|");
  const scrapeConfigs: Record<string, unknown>[] = [];
  if (kubernetesPlatforms.has(input.containerPlatform)) {
    // Pods opt in with the prometheus.io/scrape annotation; only the services of this request are kept.
    scrapeConfigs.push({
      job_name: "services",
      kubernetes_sd_configs: [{ role: "pod" }],
      relabel_configs: [
        { source_labels: ["__meta_kubernetes_pod_annotation_prometheus_io_scrape"], action: "keep", regex: "true" },
        { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_name"], action: "keep", regex: serviceRegex },
        { source_labels: ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"], action: "replace", regex: "([^:]+)(?::\\d+)?;(\\d+)", replacement: "$1:$2", target_label: "__address__" },
        { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_name"], target_label: "service" },
        { source_labels: ["__meta_kubernetes_namespace"], target_label: "namespace" },
        { source_labels: ["__meta_kubernetes_pod_name"], target_label: "pod" },
      ],
    });
  } else if (scrapesByEc2Discovery(input)) {
    scrapeConfigs.push({
      job_name: "services",
      // The region is written out: taken from instance metadata it works only on an EC2 host.
      ec2_sd_configs: [{ region: input.awsRegion, port: 9090, filters: [{ name: "tag:service", values: names }] }],
      relabel_configs: [{ source_labels: ["__meta_ec2_tag_service"], target_label: "service" }],
    });
  } else {
    scrapeConfigs.push({
      job_name: "services",
      // Replace the targets with your service discovery (Consul, file_sd) once there is one.
      static_configs: input.services.filter((service) => service.runtime !== "serverless").map((service) => ({ targets: [`${service.name}.internal:9090`], labels: { service: service.name } })),
    });
  }
  return {
    global: { scrape_interval: "30s", evaluation_interval: "30s" },
    rule_files: ["alerts.yaml"],
    scrape_configs: scrapeConfigs,
  };
}

function alertRules(): Record<string, unknown> {
  return {
    groups: [
      {
        name: "service-health",
        rules: [
          { alert: "ServiceDown", expr: 'up{job="services"} == 0', for: "5m", labels: { severity: "page" }, annotations: { summary: "{{ $labels.service }} target {{ $labels.instance }} is down", runbook: "Check the pod or instance, its last deploy and its dependencies." } },
          {
            alert: "HighErrorRate",
            expr: 'sum by (service) (rate(http_requests_total{job="services",code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total{job="services"}[5m])) > 0.05',
            for: "10m",
            labels: { severity: "page" },
            annotations: { summary: "{{ $labels.service }} answers more than 5% of requests with 5xx" },
          },
          {
            alert: "HighLatencyP95",
            expr: 'histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{job="services"}[5m]))) > 1',
            for: "15m",
            labels: { severity: "ticket" },
            annotations: { summary: "{{ $labels.service }} p95 latency is above 1 s" },
          },
        ],
      },
    ],
  };
}

function grafanaDashboard(input: Input): Record<string, unknown> {
  const datasource = { type: "prometheus", uid: "${datasource}" };
  const panel = (id: number, title: string, expr: string, unit: string, x: number, y: number) => ({
    id,
    type: "timeseries",
    title,
    datasource,
    gridPos: { h: 8, w: 8, x, y },
    fieldConfig: { defaults: { unit }, overrides: [] },
    options: { legend: { displayMode: "list", placement: "bottom" }, tooltip: { mode: "multi" } },
    targets: [{ refId: "A", datasource, expr, legendFormat: "{{service}}" }],
  });
  const scope = 'job="services", service=~"$service"';
  return {
    title: `Services overview (${input.services.length} service${input.services.length === 1 ? "" : "s"})`,
    uid: "services-overview",
    tags: ["services", "generated"],
    timezone: "browser",
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    templating: {
      list: [
        { name: "datasource", type: "datasource", query: "prometheus", label: "Data source" },
        {
          name: "service",
          type: "custom",
          label: "Service",
          multi: true,
          includeAll: true,
          query: input.services.map((service) => service.name).join(","),
          current: { text: "All", value: "$__all" },
        },
      ],
    },
    panels: [
      panel(1, "Requests per second", `sum by (service) (rate(http_requests_total{${scope}}[5m]))`, "reqps", 0, 0),
      panel(2, "Error ratio (5xx)", `sum by (service) (rate(http_requests_total{${scope}, code=~"5.."}[5m])) / sum by (service) (rate(http_requests_total{${scope}}[5m]))`, "percentunit", 8, 0),
      panel(3, "Latency p95", `histogram_quantile(0.95, sum by (service, le) (rate(http_request_duration_seconds_bucket{${scope}}[5m])))`, "s", 16, 0),
      panel(4, "Targets up", `sum by (service) (up{${scope}})`, "short", 0, 8),
      panel(5, "CPU (cores)", `sum by (service) (rate(process_cpu_seconds_total{${scope}}[5m]))`, "short", 8, 8),
      panel(6, "Memory (resident)", `sum by (service) (process_resident_memory_bytes{${scope}})`, "bytes", 16, 8),
    ],
  };
}

// ---------------------------------------------------------------------------------------------------
// Roadmap
// ---------------------------------------------------------------------------------------------------

function roadmap(input: Input): string {
  const containers = input.services.filter((service) => service.runtime === "container");
  const goals = new Set(input.deliveryGoals);
  const targetPerWeek = input.targetDeploysPerDay * 5;
  const phases: { title: string; focus: string; items: string[]; exit: string }[] = [
    {
      title: "Days 1–30: one paved road",
      focus: "Every service builds, tests and ships the same way.",
      items: [
        `Adopt \`.github/workflows/ci-cd.yml\` for ${input.services.map((service) => service.name).join(", ")}; retire ${input.pipelineMaturity === "manual" ? "the manual build and deploy steps" : input.pipelineMaturity === "basic-ci" ? "the manual deploys" : input.pipelineMaturity === "scripted-cd" ? "the hand-run deploy scripts" : "the per-service pipelines"}.`,
        ...(containers.length ? [`Build ${containers.map((service) => service.name).join(", ")} from the multi-stage Dockerfiles: non-root, distroless or slim runtime images, scanned before they are pushed.`] : []),
        "Put the Makefile targets in every README: a new engineer runs `make test` on day one.",
        input.iacTool === "none" ? "Choose the IaC tool (Terraform or OpenTofu) and import the production network and cluster first." : `Run ${iacToolChoice.label(input.iacTool)} validation on every pull request.`,
        ...(input.secretsManagement === "ci-variables" ? ["Move secrets out of CI variables into a secret manager with short-lived, audited access."] : []),
      ],
      exit: `Every service deploys to staging from main without manual steps; deploys tracked (today: ${input.deploysPerWeek} a week).`,
    },
    {
      title: "Days 31–60: safe to ship often",
      focus: "Make each deploy small, observable and reversible.",
      items: [
        input.monitoringStack === "prometheus-grafana" ? "Load the scrape config and alert rules; import the Grafana dashboard for every service." : input.monitoringStack === "none" ? "Stand up Prometheus and Grafana with the scrape config, alert rules and dashboard here." : `Send the services' metrics to ${monitoringChoice.label(input.monitoringStack)} (OpenMetrics scrape of the same endpoints), mirroring the dashboard panels.`,
        "Instrument every service with request rate, errors and duration (RED) metrics, labelled by service.",
        "Production deploys behind environment approval, with automatic rollback on failed health checks.",
        ...(goals.has("change-failure") ? ["Track the change failure rate from deploy and incident records; review every failed change."] : []),
        ...(goals.has("recovery") ? ["Write a rollback runbook per service and rehearse it once."] : []),
        ...(goals.has("observability") ? ["Define one SLO per user-facing service and alert on its burn rate, not on CPU."] : []),
      ],
      exit: `At least ${formatNumber(Math.max(input.deploysPerWeek * 2, Math.min(targetPerWeek, input.deploysPerWeek + 10)))} production deploys a week, each with a working rollback.`,
    },
    {
      title: "Days 61–90: self-service and scale",
      focus: `Reach ${input.targetDeploysPerDay} deploys a day and let teams help themselves.`,
      items: [
        ...(goals.has("self-service") ? ["Ephemeral preview environments per pull request, created and destroyed by the pipeline."] : []),
        ...(goals.has("deploy-frequency") || goals.has("lead-time") ? ["Trunk-based development with feature flags: merge small changes daily, release by flag."] : []),
        ...(goals.has("cost-reduction") ? ["Right-size from the dashboard's CPU and memory panels; autoscale on load, scale non-production down at night."] : []),
        ...(goals.has("compliance") ? ["Keep audit evidence from the pipeline: approvals, scan results and deploy records retained per release."] : []),
        "Publish the DORA metrics on a team dashboard and review them monthly.",
      ],
      exit: `${input.targetDeploysPerDay} deploys a day sustained for two weeks, with a change failure rate under 15%.`,
    },
  ];
  const weeks = input.timelineWeeks;
  const parts = [
    "# 30/60/90-day delivery roadmap",
    "",
    markdownTable(
      ["", "Today", "Target"],
      [
        ["Pipeline", maturityChoice.label(input.pipelineMaturity), "Continuous delivery"],
        ["Deploys", `${input.deploysPerWeek} a week`, `${input.targetDeploysPerDay} a day (${formatNumber(targetPerWeek)} a week)`],
        ["Hosting", `${hostingChoice.label(input.hosting)}, ${containerPlatformChoice.label(input.containerPlatform)}`, "unchanged"],
        ["Infrastructure as code", iacToolChoice.label(input.iacTool), input.iacTool === "none" ? "Terraform or OpenTofu" : "validated on every change"],
        ["Monitoring", monitoringChoice.label(input.monitoringStack), "RED metrics and SLO alerts per service"],
        ["Secrets", secretsChoice.label(input.secretsManagement), input.secretsManagement === "ci-variables" ? "a secret manager" : "unchanged"],
      ],
    ),
    "",
    `Goals: ${input.deliveryGoals.map((goal) => goalChoice.label(goal)).join(", ")}. Timeline: ${weeks} weeks${weeks * 7 < 90 ? ", shorter than 90 days: the phases are compressed into it, so expect to carry the last one over" : ""}.`,
    "",
  ];
  for (const phase of phases) {
    parts.push(`## ${phase.title}`, "", phase.focus, "", ...phase.items.map((item) => `- [ ] ${item}`), "", `**Done when:** ${phase.exit}`, "");
  }
  if (weeks * 7 > 90) {
    parts.push(`## Days 91–${weeks * 7}: embed and improve`, "", "- [ ] Hand the paved road to the teams: templates for new services, office hours, a platform backlog.", "- [ ] Quarterly review of the DORA metrics and the roadmap.", "");
  }
  if (input.constraints) parts.push("## Constraints", "", markdownText(input.constraints), "");
  return `${parts.join("\n").replace(/\n+$/, "")}\n`;
}

function readme(input: Input, files: string[]): string {
  const lines = [
    "# Delivery kit",
    "",
    `${input.services.length} service${input.services.length === 1 ? "" : "s"} on ${hostingChoice.label(input.hosting)}${input.containerPlatform !== "none" ? ` (${containerPlatformChoice.label(input.containerPlatform)})` : ""}. The workflow is GitHub Actions; services live in \`services/<name>/\`.`,
    "",
    "## Files",
    "",
    ...files.map((file) => `- \`${file}\``),
    "",
    "## Set up once",
    "",
    "- Create the GitHub environments `staging` and `production`; give `production` required reviewers.",
    `- Grant the workflow a deploy identity through OIDC (${input.hosting === "aws" ? "an IAM role trusted for this repository" : input.hosting === "azure" ? "a federated credential on an Entra ID app" : input.hosting === "gcp" ? "Workload Identity Federation" : "a registry robot account and a deploy key"}): no long-lived cloud keys in CI.`,
    "- Load `monitoring/prometheus.yaml` and `monitoring/alerts.yaml` into Prometheus (`promtool check config` passes) and import `monitoring/grafana-dashboard.json` into Grafana.",
  ];
  const unscrapeable = { "cloud-run": "Google Cloud Managed Service for Prometheus (a collector sidecar)", "container-apps": "the OpenTelemetry collector of the Container Apps environment", ecs: "the CloudWatch agent or an ADOT collector sidecar" }[input.containerPlatform as string];
  if (unscrapeable && input.services.some((service) => service.runtime === "container")) {
    lines.push(`- ${containerPlatformChoice.label(input.containerPlatform)} instances cannot be scraped directly: collect the same metrics with ${unscrapeable} and keep the dashboard's queries.`);
  }
  const serverless = input.services.filter((service) => service.runtime === "serverless");
  if (serverless.length) lines.push(`- ${serverless.map((service) => `\`${service.name}\``).join(", ")} run${serverless.length === 1 ? "s" : ""} serverless: no Dockerfile; the build leaves the function package in \`dist/\`.`);
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------

function generate(input: Input) {
  const containers = input.services.filter((service) => service.runtime === "container");
  const artifacts: Artifact[] = [
    { path: ".github/workflows/ci-cd.yml", kind: "pipeline", mediaType: mediaTypes.yaml, content: yamlDocument(workflow(input)) },
    ...containers.map((service): Artifact => ({ path: `services/${service.name}/Dockerfile`, kind: "container", mediaType: mediaTypes.dockerfile, content: `${languageKits[service.language].dockerfile(service).join("\n")}\n` })),
    ...containers.map((service): Artifact => ({ path: `services/${service.name}/.dockerignore`, kind: "container", mediaType: mediaTypes.text, content: [".git", "**/node_modules", "**/target", "**/dist", "**/bin", "**/__pycache__", ".env*", "Dockerfile", ".dockerignore", ""].join("\n") })),
    { path: "Makefile", kind: "build", mediaType: mediaTypes.makefile, content: makefile(input) },
    { path: "monitoring/prometheus.yaml", kind: "alerting", mediaType: mediaTypes.yaml, content: yamlDocument(prometheusConfig(input)) },
    { path: "monitoring/alerts.yaml", kind: "alerting", mediaType: mediaTypes.yaml, content: yamlDocument(alertRules()) },
    { path: "monitoring/grafana-dashboard.json", kind: "dashboard", mediaType: mediaTypes.json, content: `${JSON.stringify(grafanaDashboard(input), null, 2)}\n` },
    { path: "roadmap.md", kind: "plan", mediaType: mediaTypes.markdown, content: roadmap(input) },
  ];
  artifacts.push({ path: "README.md", kind: "document", mediaType: mediaTypes.markdown, content: readme(input, artifacts.map((artifact) => artifact.path)) });

  const targetPerWeek = input.targetDeploysPerDay * 5;
  const summary: SummaryFigure[] = [
    { key: "services", label: "Services", value: input.services.length, detail: `${containers.length} in containers` },
    { key: "deploys-now", label: "Deploys today", value: input.deploysPerWeek, unit: "per week" },
    { key: "deploys-target", label: "Target deploys", value: input.targetDeploysPerDay, unit: "per day", detail: `${formatNumber(targetPerWeek)} a week over 5 working days` },
    {
      key: "deploy-increase",
      label: "Increase in deploy frequency",
      value: input.deploysPerWeek === 0 ? "from zero" : `×${Number((targetPerWeek / input.deploysPerWeek).toFixed(1))}`,
      detail: "target per week ÷ today's per week",
    },
    { key: "dockerfiles", label: "Dockerfiles", value: containers.length, detail: [...new Set(containers.map((service) => languageChoice.label(service.language)))].join(", ") || "no containerised services" },
    { key: "timeline", label: "Timeline", value: input.timelineWeeks, unit: "weeks" },
  ];
  return { summary, artifacts };
}

export const devopsEngineerGenerator: RoleGenerator<Input> = { role: "devops-engineer", version: "1.2.0", generate };
