// The deployment-engineer's deliverables: the delivery pipeline (GitHub Actions or GitLab CI), an Argo
// Rollouts manifest (canary, blue-green, or a rolling update with background analysis) with an
// AnalysisTemplate built from the rollback thresholds, the pipeline diagram, a rollback runbook and the
// DORA targets. YAML is built as objects and serialised with the yaml library.
import type { Artifact, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { yamlDocument, yamlDocuments } from "@/lib/agents/shared/yaml-artifact";
import { dnsLabel, markdownTable, markdownText, mermaidLabel } from "@/lib/agents/shared/escape";
import { kubernetesName } from "@/lib/agents/shared/kubernetes-names";
import { formatDuration, formatPercent } from "@/lib/agents/shared/numbers";
import { buildToolChoice, ciPlatformChoice, languageChoice, registryChoice, securityScanChoice, strategyChoice, type DeploymentEngineerRequirements } from "./schema";

type Input = DeploymentEngineerRequirements;
type Environment = Input["environments"][number];
type Manifest = Record<string, unknown>;


const appName = (input: Input) => dnsLabel(input.repository.split("/").pop() ?? input.repository);
/** Service names are DNS-1035 labels (start with a letter, at most 63), unlike the app's other names. */
const serviceNames = (input: Input) => {
  const app = appName(input);
  return {
    stable: kubernetesName("dns1035Label", app),
    canary: kubernetesName("dns1035Label", `${app}-canary`),
    preview: kubernetesName("dns1035Label", `${app}-preview`),
  };
};
const production = (input: Input) => input.environments.find((environment) => environment.kind === "production");

/** Image repository in the chosen registry (the CI variables fill in account ids and hosts). */
function imageRepository(input: Input, platform: "github" | "gitlab"): string {
  const path = input.repository.toLowerCase();
  switch (input.artifactRegistry) {
    case "ghcr":
      return `ghcr.io/${path}`;
    case "gitlab-registry":
      return platform === "gitlab" ? "$CI_REGISTRY_IMAGE" : `registry.gitlab.com/${path}`;
    case "ecr":
      return platform === "gitlab" ? `$ECR_REGISTRY/${appName(input)}` : `\${{ vars.ECR_REGISTRY }}/${appName(input)}`;
    case "artifact-registry":
      return platform === "gitlab" ? `$GAR_LOCATION-docker.pkg.dev/$GCP_PROJECT/containers/${appName(input)}` : `\${{ vars.GAR_LOCATION }}-docker.pkg.dev/\${{ vars.GCP_PROJECT }}/containers/${appName(input)}`;
    case "acr":
      return platform === "gitlab" ? `$ACR_NAME.azurecr.io/${appName(input)}` : `\${{ vars.ACR_NAME }}.azurecr.io/${appName(input)}`;
    case "harbor":
      return platform === "gitlab" ? `$HARBOR_HOST/${path}` : `\${{ vars.HARBOR_HOST }}/${path}`;
    case "dockerhub":
      return `docker.io/${path}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Build commands per build tool
// ---------------------------------------------------------------------------------------------------

interface Toolchain {
  install: string;
  test: string;
  build: string;
  /** GitHub setup action and its inputs. */
  setup: { uses: string; with: Record<string, string | boolean> }[];
  /** GitLab image for build and test jobs. */
  image: string;
  cachePaths: string[];
  /** What the build leaves for later jobs. */
  outputs: string[];
}

const toolchains: Record<Input["buildTool"], Toolchain> = {
  npm: { install: "npm ci", test: "npm test", build: "npm run build", setup: [{ uses: "actions/setup-node@v4", with: { "node-version-file": ".nvmrc", cache: "npm" } }], image: "node:22-bookworm", cachePaths: [".npm/"], outputs: ["dist/"] },
  pnpm: {
    install: "pnpm install --frozen-lockfile",
    test: "pnpm test",
    build: "pnpm build",
    setup: [
      { uses: "pnpm/action-setup@v4", with: {} },
      { uses: "actions/setup-node@v4", with: { "node-version-file": ".nvmrc", cache: "pnpm" } },
    ],
    image: "node:22-bookworm",
    cachePaths: [".pnpm-store/"], outputs: ["dist/"],
  },
  yarn: { install: "yarn install --immutable", test: "yarn test", build: "yarn build", setup: [{ uses: "actions/setup-node@v4", with: { "node-version-file": ".nvmrc", cache: "yarn" } }], image: "node:22-bookworm", cachePaths: [".yarn/cache/"], outputs: ["dist/"] },
  maven: { install: "./mvnw -B -ntp dependency:go-offline", test: "./mvnw -B -ntp verify", build: "./mvnw -B -ntp -DskipTests package", setup: [{ uses: "actions/setup-java@v4", with: { distribution: "temurin", "java-version": "21", cache: "maven" } }], image: "eclipse-temurin:21-jdk", cachePaths: [".m2/repository/"], outputs: ["target/"] },
  gradle: { install: "./gradlew --no-daemon dependencies", test: "./gradlew --no-daemon check", build: "./gradlew --no-daemon assemble", setup: [{ uses: "actions/setup-java@v4", with: { distribution: "temurin", "java-version": "21", cache: "gradle" } }], image: "eclipse-temurin:21-jdk", cachePaths: [".gradle/caches/"], outputs: ["build/libs/"] },
  "go-modules": { install: "go mod download", test: "go test -race ./...", build: "CGO_ENABLED=0 go build -trimpath -o bin/ ./...", setup: [{ uses: "actions/setup-go@v5", with: { "go-version-file": "go.mod" } }], image: "golang:1.24-bookworm", cachePaths: [".go/pkg/mod/"], outputs: ["bin/"] },
  pip: { install: "pip install -r requirements.txt", test: "pytest", build: "python -m compileall -q .", setup: [{ uses: "actions/setup-python@v5", with: { "python-version": "3.12", cache: "pip" } }], image: "python:3.12-slim", cachePaths: [".cache/pip/"], outputs: ["."] },
  poetry: { install: "pipx install poetry && poetry install --no-interaction", test: "poetry run pytest", build: "poetry build", setup: [{ uses: "actions/setup-python@v5", with: { "python-version": "3.12" } }], image: "python:3.12-slim", cachePaths: [".cache/pypoetry/"], outputs: ["dist/"] },
  uv: { install: "uv sync --frozen", test: "uv run pytest", build: "uv build", setup: [{ uses: "astral-sh/setup-uv@v6", with: { "enable-cache": true } }], image: "ghcr.io/astral-sh/uv:python3.12-bookworm-slim", cachePaths: [".cache/uv/"], outputs: ["dist/"] },
  dotnet: { install: "dotnet restore", test: "dotnet test --no-restore", build: "dotnet publish -c Release --no-restore -o out", setup: [{ uses: "actions/setup-dotnet@v4", with: { "dotnet-version": "8.0.x" } }], image: "mcr.microsoft.com/dotnet/sdk:8.0", cachePaths: [".nuget/packages/"], outputs: ["out/"] },
  cargo: { install: "cargo fetch --locked", test: "cargo test --locked", build: "cargo build --release --locked", setup: [{ uses: "dtolnay/rust-toolchain@stable", with: {} }], image: "rust:1-bookworm", cachePaths: ["target/", ".cargo/registry/"], outputs: ["target/release/"] },
};

// ---------------------------------------------------------------------------------------------------
// Deploy commands per strategy
// ---------------------------------------------------------------------------------------------------

function deployScript(input: Input, environment: Environment, image: string): string[] {
  const app = appName(input);
  const namespace = environment.name;
  const setImage = `kubectl -n ${namespace} set image deployment/${app} ${app}=${image}`;
  // In production the Rollout adopts the Deployment's pod template (workloadRef): changing the image on the
  // Deployment starts the rollout, and the job waits until it is healthy or aborted (an abort fails the job).
  if (environment.kind === "production") return [setImage, `kubectl argo rollouts -n ${namespace} status ${app} --timeout ${rolloutTimeoutMinutes(input)}m`];
  return [setImage, `kubectl -n ${namespace} rollout status deployment/${app} --timeout=10m`];
}

/** The kubectl plugin, pinned: a moving "latest" would make deploys change under the pipeline's feet. */
const rolloutsPluginVersion = "v1.8.3";
function installRolloutsPlugin(directory: string): string {
  return `mkdir -p ${directory} && curl -sSfLo ${directory}/kubectl-argo-rollouts https://github.com/argoproj/argo-rollouts/releases/download/${rolloutsPluginVersion}/kubectl-argo-rollouts-linux-amd64 && chmod +x ${directory}/kubectl-argo-rollouts`;
}

function rolloutTimeoutMinutes(input: Input): number {
  if (input.strategy === "canary") return (input.canarySteps ?? []).reduce((sum, step) => sum + step.pauseMinutes, 0) + input.rollbackWindowMinutes + 15;
  if (input.strategy === "blue-green") return (input.blueGreenVerifyMinutes ?? 0) + input.rollbackWindowMinutes + 15;
  return input.rollbackWindowMinutes + 15;
}

// ---------------------------------------------------------------------------------------------------
// GitHub Actions
// ---------------------------------------------------------------------------------------------------

function githubWorkflow(input: Input): Record<string, unknown> {
  const tool = toolchains[input.buildTool];
  const image = imageRepository(input, "github");
  const checkout = { uses: "actions/checkout@v4" };
  const jobs: Record<string, unknown> = {};
  jobs.build = {
    name: "Build and test",
    "runs-on": "ubuntu-latest",
    steps: [checkout, ...tool.setup.map((step) => (Object.keys(step.with).length ? { uses: step.uses, with: step.with } : { uses: step.uses })), { name: "Install", run: tool.install }, { name: "Test", run: tool.test }, { name: "Build", run: tool.build }],
  };
  const scanJobs: string[] = [];
  const scans = new Set(input.securityScans);
  if (scans.has("sast")) {
    scanJobs.push("sast");
    const language = { typescript: "javascript-typescript", java: "java-kotlin", go: "go", python: "python", dotnet: "csharp", rust: "rust" }[input.language];
    jobs.sast = {
      name: "Static analysis (CodeQL)",
      "runs-on": "ubuntu-latest",
      permissions: { contents: "read", "security-events": "write" },
      steps: [checkout, { uses: "github/codeql-action/init@v3", with: { languages: language } }, { uses: "github/codeql-action/analyze@v3" }],
    };
  }
  if (scans.has("dependencies")) {
    scanJobs.push("dependencies");
    jobs.dependencies = {
      name: "Dependency vulnerabilities",
      "runs-on": "ubuntu-latest",
      steps: [checkout, { uses: "aquasecurity/trivy-action@0.33.1", with: { "scan-type": "fs", scanners: "vuln", severity: "HIGH,CRITICAL", "ignore-unfixed": true, "exit-code": "1" } }],
    };
  }
  if (scans.has("secrets")) {
    scanJobs.push("secrets");
    jobs.secrets = {
      name: "Secret detection",
      "runs-on": "ubuntu-latest",
      steps: [{ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } }, { uses: "gitleaks/gitleaks-action@v2", env: { GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" } }],
    };
  }
  if (scans.has("iac")) {
    scanJobs.push("iac");
    jobs.iac = {
      name: "IaC misconfiguration (Checkov)",
      "runs-on": "ubuntu-latest",
      steps: [checkout, { uses: "bridgecrewio/checkov-action@v12", with: { directory: ".", framework: "kubernetes,dockerfile,terraform,github_actions", "soft-fail": false } }],
    };
  }
  const imageSteps: Record<string, unknown>[] = [
    checkout,
    { uses: "docker/setup-buildx-action@v3" },
    { name: "Log in to the registry", uses: "docker/login-action@v3", with: input.artifactRegistry === "ghcr" ? { registry: "ghcr.io", username: "${{ github.actor }}", password: "${{ secrets.GITHUB_TOKEN }}" } : { registry: image.split("/")[0], username: "${{ vars.REGISTRY_USERNAME }}", password: "${{ secrets.REGISTRY_PASSWORD }}" } },
    { name: "Build and push", id: "push", uses: "docker/build-push-action@v6", with: { context: ".", push: true, tags: `${image}:\${{ github.sha }}`, "cache-from": "type=gha", "cache-to": "type=gha,mode=max", provenance: true, sbom: true } },
  ];
  if (scans.has("container")) {
    imageSteps.push({ name: "Scan the image (Trivy)", uses: "aquasecurity/trivy-action@0.33.1", with: { "image-ref": `${image}@\${{ steps.push.outputs.digest }}`, severity: "HIGH,CRITICAL", "ignore-unfixed": true, "exit-code": "1" } });
  }
  jobs.image = {
    name: "Container image",
    needs: ["build", ...scanJobs],
    if: "github.ref == 'refs/heads/main'",
    "runs-on": "ubuntu-latest",
    permissions: { contents: "read", packages: "write", "id-token": "write" },
    outputs: { image: `${image}@\${{ steps.push.outputs.digest }}` },
    steps: imageSteps,
  };
  let previous = "image";
  for (const environment of input.environments) {
    const id = `deploy-${environment.name}`;
    const steps: Record<string, unknown>[] = [
      { uses: "azure/setup-kubectl@v4" },
      ...(environment.kind === "production" ? [{ name: "Install the Argo Rollouts plugin", run: installRolloutsPlugin('"$RUNNER_TEMP/bin"') + ' && echo "$RUNNER_TEMP/bin" >> "$GITHUB_PATH"' }] : []),
      { name: "Use the cluster", run: 'echo "$KUBECONFIG_DATA" | base64 -d > "$RUNNER_TEMP/kubeconfig" && echo "KUBECONFIG=$RUNNER_TEMP/kubeconfig" >> "$GITHUB_ENV"', env: { KUBECONFIG_DATA: "${{ secrets.KUBECONFIG }}" } },
      { name: `Deploy to ${environment.name}`, run: deployScript(input, environment, "${{ needs.image.outputs.image }}").join("\n") },
    ];
    if (environment.kind === "staging" && scans.has("dast")) {
      steps.push({ name: "Dynamic analysis (OWASP ZAP baseline)", uses: "zaproxy/action-baseline@v0.14.0", with: { target: "${{ vars.STAGING_URL }}", "fail_action": true } });
    }
    jobs[id] = {
      name: `Deploy to ${environment.name}`,
      needs: [...new Set([previous, "image"])],
      "runs-on": "ubuntu-latest",
      // Approvals and manual starts live on the GitHub environment (Settings → Environments → required
      // reviewers): the job waits there, so the image that was tested is the one promoted, never rebuilt.
      environment: { name: environment.name },
      concurrency: { group: id, "cancel-in-progress": false },
      steps,
    };
    previous = id;
  }
  return {
    name: "Delivery",
    on: { push: { branches: ["main"] }, pull_request: {}, workflow_dispatch: {} },
    permissions: { contents: "read" },
    concurrency: { group: "delivery-${{ github.ref }}", "cancel-in-progress": "${{ github.event_name == 'pull_request' }}" },
    jobs,
  };
}

// ---------------------------------------------------------------------------------------------------
// GitLab CI
// ---------------------------------------------------------------------------------------------------

function gitlabPipeline(input: Input): Record<string, unknown> {
  const tool = toolchains[input.buildTool];
  const image = imageRepository(input, "gitlab");
  const scans = new Set(input.securityScans);
  const templates = [
    scans.has("sast") && "Jobs/SAST.gitlab-ci.yml",
    scans.has("dependencies") && "Jobs/Dependency-Scanning.gitlab-ci.yml",
    scans.has("secrets") && "Jobs/Secret-Detection.gitlab-ci.yml",
    scans.has("container") && "Jobs/Container-Scanning.gitlab-ci.yml",
    scans.has("iac") && "Jobs/SAST-IaC.gitlab-ci.yml",
    scans.has("dast") && "DAST.gitlab-ci.yml",
  ].filter((template): template is string => Boolean(template));
  const onDefaultBranch = { if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" };
  const pipeline: Record<string, unknown> = {
    stages: ["build", "test", "package", ...input.environments.map((environment) => `deploy-${environment.name}`), ...(scans.has("dast") ? ["dast"] : [])],
    ...(templates.length ? { include: templates.map((template) => ({ template })) } : {}),
    variables: { ...(scans.has("container") ? { CS_IMAGE: `${image}:$CI_COMMIT_SHA` } : {}), ...(scans.has("dast") ? { DAST_WEBSITE: "$STAGING_URL" } : {}) },
    workflow: { rules: [{ if: "$CI_PIPELINE_SOURCE == 'merge_request_event'" }, onDefaultBranch] },
    build: { stage: "build", image: tool.image, cache: { key: { files: [lockFileOf(input)] }, paths: tool.cachePaths }, script: [tool.install, tool.build], artifacts: { expire_in: "1 week", paths: tool.outputs } },
    test: { stage: "test", image: tool.image, needs: ["build"], script: [tool.test] },
    // Not "image": that is a global keyword in .gitlab-ci.yml, so a job of that name is no job at all.
    "package-image": {
      stage: "package",
      image: "docker:27",
      services: ["docker:27-dind"],
      needs: ["test"],
      rules: [onDefaultBranch],
      script: ['echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"', `docker build -t ${image}:$CI_COMMIT_SHA .`, `docker push ${image}:$CI_COMMIT_SHA`],
    },
  };
  if (scans.has("container")) pipeline.container_scanning = { stage: "package", needs: ["package-image"] };
  let previous = "package-image";
  for (const environment of input.environments) {
    const id = `deploy-${environment.name}`;
    pipeline[id] = {
      stage: id,
      // alpine/k8s carries kubectl and curl; its default shell entrypoint suits GitLab's script runner.
      image: "alpine/k8s:1.33.4",
      needs: [previous],
      // Protected environments carry the approval rules (Settings → CI/CD → Protected environments).
      environment: { name: environment.name, deployment_tier: environment.kind === "test" ? "testing" : environment.kind },
      resource_group: environment.name,
      rules: [environment.autoDeploy ? onDefaultBranch : { ...onDefaultBranch, when: "manual" }],
      script: [...(environment.kind === "production" ? [`${installRolloutsPlugin("/usr/local/bin")}`] : []), ...deployScript(input, environment, `${image}:$CI_COMMIT_SHA`)],
    };
    previous = id;
  }
  if (scans.has("dast")) {
    const staging = input.environments.find((environment) => environment.kind === "staging");
    pipeline.dast = { stage: "dast", needs: staging ? [`deploy-${staging.name}`] : [previous] };
  }
  return pipeline;
}

function lockFileOf(input: Input): string {
  return { npm: "package-lock.json", pnpm: "pnpm-lock.yaml", yarn: "yarn.lock", maven: "pom.xml", gradle: "gradle/libs.versions.toml", "go-modules": "go.sum", pip: "requirements.txt", poetry: "poetry.lock", uv: "uv.lock", dotnet: "packages.lock.json", cargo: "Cargo.lock" }[input.buildTool];
}

// ---------------------------------------------------------------------------------------------------
// Argo Rollouts
// ---------------------------------------------------------------------------------------------------

/** Prometheus queries over the rollout's own pods, in seconds-window rates; the thresholds come from the request. */
function analysisTemplate(input: Input): Manifest {
  const app = appName(input);
  const errorRate = input.rollbackErrorRatePercent / 100;
  const count = Math.max(1, input.rollbackWindowMinutes);
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "AnalysisTemplate",
    metadata: { name: `${app}-health` },
    spec: {
      args: [{ name: "service-name" }, { name: "namespace" }],
      metrics: [
        {
          name: "error-rate",
          // One measurement a minute for the whole analysis window; one failure rolls back.
          interval: "1m",
          count,
          failureLimit: 0,
          successCondition: `result[0] <= ${errorRate}`,
          provider: {
            prometheus: {
              address: "http://prometheus-operated.monitoring.svc:9090",
              query: `sum(rate(http_requests_total{namespace="{{args.namespace}}",service="{{args.service-name}}",code=~"5.."}[2m])) / clamp_min(sum(rate(http_requests_total{namespace="{{args.namespace}}",service="{{args.service-name}}"}[2m])), 1e-9)`,
            },
          },
        },
        {
          name: "latency-p99",
          interval: "1m",
          count,
          failureLimit: 0,
          successCondition: `result[0] <= ${input.rollbackLatencyP99Ms}`,
          provider: {
            prometheus: {
              address: "http://prometheus-operated.monitoring.svc:9090",
              query: `1000 * histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="{{args.namespace}}",service="{{args.service-name}}"}[2m])))`,
            },
          },
        },
      ],
    },
  };
}

function rollout(input: Input, namespace: string): Manifest {
  const app = appName(input);
  const services = serviceNames(input);
  const analysisArgs = (service: string) => [
    { name: "service-name", value: service },
    { name: "namespace", value: namespace },
  ];
  let strategy: Record<string, unknown>;
  if (input.strategy === "canary") {
    strategy = {
      canary: {
        canaryService: services.canary,
        stableService: services.stable,
        trafficRouting: { nginx: { stableIngress: app } },
        // The analysis runs in the background from the first step and aborts the rollout on failure.
        analysis: { templates: [{ templateName: `${app}-health` }], startingStep: 1, args: analysisArgs(services.canary) },
        steps: (input.canarySteps ?? []).flatMap((step) => [{ setWeight: step.weight }, { pause: { duration: `${step.pauseMinutes}m` } }]),
      },
    };
  } else if (input.strategy === "blue-green") {
    strategy = {
      blueGreen: {
        activeService: services.stable,
        previewService: services.preview,
        autoPromotionEnabled: input.blueGreenAutoPromote ?? false,
        ...(input.blueGreenAutoPromote ? { autoPromotionSeconds: (input.blueGreenVerifyMinutes ?? 0) * 60 } : {}),
        scaleDownDelaySeconds: (input.blueGreenKeepOldMinutes ?? 0) * 60,
        prePromotionAnalysis: { templates: [{ templateName: `${app}-health` }], args: analysisArgs(services.preview) },
        postPromotionAnalysis: { templates: [{ templateName: `${app}-health` }], args: analysisArgs(services.stable) },
      },
    };
  } else {
    // A rolling update is a canary without steps; the background analysis still rolls back on bad metrics.
    strategy = {
      canary: {
        maxSurge: `${input.maxSurgePercent ?? 25}%`,
        maxUnavailable: `${input.maxUnavailablePercent ?? 0}%`,
        analysis: { templates: [{ templateName: `${app}-health` }], args: analysisArgs(app) },
      },
    };
  }
  return {
    apiVersion: "argoproj.io/v1alpha1",
    kind: "Rollout",
    metadata: { name: app, namespace, labels: { "app.kubernetes.io/name": app } },
    spec: {
      revisionHistoryLimit: 5,
      selector: { matchLabels: { "app.kubernetes.io/name": app } },
      // The pod template stays with the Deployment the kubernetes-specialist writes; the Rollout adopts it.
      workloadRef: { apiVersion: "apps/v1", kind: "Deployment", name: app, scaleDown: "progressively" },
      strategy,
    },
  };
}

function rolloutServices(input: Input, namespace: string): Manifest[] {
  const app = appName(input);
  const services = serviceNames(input);
  const names = input.strategy === "canary" ? [services.stable, services.canary] : input.strategy === "blue-green" ? [services.stable, services.preview] : [];
  return names.map((name) => ({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels: { "app.kubernetes.io/name": app } },
    // Argo Rollouts adds the pod-template-hash selector that points each Service at its ReplicaSet.
    spec: { selector: { "app.kubernetes.io/name": app }, ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }] },
  }));
}

// ---------------------------------------------------------------------------------------------------
// Diagram and documents
// ---------------------------------------------------------------------------------------------------

function pipelineDiagram(input: Input): string {
  const lines = ["flowchart LR", `  commit([${mermaidLabel(`Push to ${input.repository}`)}]) --> build[${mermaidLabel(`Build and test (${buildToolChoice.label(input.buildTool)})`)}]`];
  const scans = input.securityScans.filter((scan) => scan !== "dast" && scan !== "container");
  scans.forEach((scan) => lines.push(`  commit --> scan_${scan.replace(/-/g, "_")}[${mermaidLabel(securityScanChoice.label(scan))}]`));
  lines.push(`  build --> image[${mermaidLabel(`Image to ${registryChoice.label(input.artifactRegistry)}`)}]`);
  scans.forEach((scan) => lines.push(`  scan_${scan.replace(/-/g, "_")} --> image`));
  let previous = "image";
  if (input.securityScans.includes("container")) {
    lines.push(`  image --> scan_container[${mermaidLabel("Image scan (Trivy)")}]`);
    previous = "scan_container";
  }
  input.environments.forEach((environment, index) => {
    const id = `env_${index}`;
    if (environment.kind === "production" && input.productionApprovers > 0) {
      const who = input.approverGroup ? ` from ${input.approverGroup}` : "";
      lines.push(`  ${previous} --> approval_${index}{${mermaidLabel(`${input.productionApprovers} approval${input.productionApprovers > 1 ? "s" : ""}${who}`)}}`);
      previous = `approval_${index}`;
    } else if (!environment.autoDeploy) {
      lines.push(`  ${previous} --> manual_${index}{${mermaidLabel("Manual start")}}`);
      previous = `manual_${index}`;
    }
    lines.push(`  ${previous} --> ${id}[${mermaidLabel(`Deploy to ${environment.name}`)}]`);
    previous = id;
    if (environment.kind === "staging" && input.securityScans.includes("dast")) {
      // One DAST node per staging environment: a shared id would merge them and loop the pipeline back.
      lines.push(`  ${id} --> dast_${index}[${mermaidLabel(`DAST on ${environment.name}`)}]`);
      previous = `dast_${index}`;
    }
  });
  const prod = production(input);
  if (prod) {
    const prodId = `env_${input.environments.indexOf(prod)}`;
    if (input.strategy === "canary") {
      let step = prodId;
      (input.canarySteps ?? []).forEach((canary, index) => {
        lines.push(`  ${step} --> canary_${index}[${mermaidLabel(`${canary.weight}% for ${canary.pauseMinutes} min`)}]`);
        step = `canary_${index}`;
      });
      lines.push(`  ${step} --> promoted([${mermaidLabel("100%: promoted")}])`);
    } else if (input.strategy === "blue-green") {
      lines.push(`  ${prodId} --> preview[${mermaidLabel(`Green verified for ${input.blueGreenVerifyMinutes ?? 0} min`)}]`, `  preview --> promoted([${mermaidLabel(input.blueGreenAutoPromote ? "Traffic switched automatically" : "Traffic switched on approval")}])`);
    } else {
      lines.push(`  ${prodId} --> promoted([${mermaidLabel("Rolling update complete")}])`);
    }
    lines.push(
      `  analysis{{${mermaidLabel(`Analysis: errors ≤ ${formatPercent(input.rollbackErrorRatePercent)}%, p99 ≤ ${input.rollbackLatencyP99Ms} ms`)}}} -.->|${mermaidLabel("threshold breached")}| rollback([${mermaidLabel("Automatic rollback")}])`,
      `  ${prodId} -.- analysis`,
      "  classDef danger fill:#fde2e1,stroke:#b42318",
      "  class rollback danger",
    );
  }
  return `${lines.join("\n")}\n`;
}

function rollbackRunbook(input: Input): string {
  const app = appName(input);
  const prod = production(input);
  const namespace = prod?.name ?? input.environments[input.environments.length - 1].name;
  const workflowRerun = input.ciPlatform === "github-actions" ? "re-run the deploy job of the last good workflow run (Actions → Delivery → the run → Re-run jobs)" : "re-run the deploy job of the last good pipeline (Build → Pipelines → the pipeline → Retry)";
  const parts = [
    `# Rollback runbook: ${markdownText(input.repository)}`,
    "",
    "## Automatic rollback",
    "",
    `Argo Rollouts aborts the ${strategyChoice.label(input.strategy).toLowerCase()} and returns all traffic to the stable version when, in any one-minute measurement during the ${formatDuration(input.rollbackWindowMinutes)} analysis window:`,
    "",
    `- the 5xx error rate exceeds **${formatPercent(input.rollbackErrorRatePercent)}%**, or`,
    `- p99 latency exceeds **${input.rollbackLatencyP99Ms} ms**.`,
    "",
    "The deploy job fails and the team is notified; nothing else is needed to restore service.",
    "",
    "## Manual rollback",
    "",
    "Decide within 5 minutes: roll back first, investigate afterwards. Roll back when customers are affected and the last deploy is a plausible cause.",
    "",
    "1. Announce it in the incident channel: what is rolled back, by whom.",
    input.strategy === "rolling" && !prod
      ? `2. Undo the rollout: \`kubectl -n ${namespace} rollout undo deployment/${app}\`.`
      : `2. Abort an in-progress rollout: \`kubectl argo rollouts -n ${namespace} abort ${app}\` (traffic returns to stable at once).`,
    `3. If the new version was already promoted: \`kubectl argo rollouts -n ${namespace} undo ${app}\`, or ${workflowRerun}.`,
    `4. Watch it finish: \`kubectl argo rollouts -n ${namespace} get rollout ${app} --watch\`.`,
    "5. Verify: error rate and p99 latency back under the thresholds on the service dashboard for 10 minutes; synthetic checks green.",
    "6. Block the bad version: revert the commit (or pin the previous image) so the pipeline cannot promote it again.",
    "",
    "## Database changes",
    "",
    "Migrations must be backward compatible (expand, then contract in a later release) so that rolling back the code never needs a schema rollback. If a migration cannot be undone, say so in the change and roll forward with a fix instead.",
    "",
    "## Afterwards",
    "",
    `- Record the rollback as a failed change: it counts toward the change failure rate (target ${formatPercent(input.targetChangeFailureRatePercent)}%).`,
    `- Time from detection to restored service counts toward the time to restore (target ${formatDuration(input.targetMttrMinutes)}).`,
    "- Blameless review within five working days when customers were affected.",
  ];
  if (input.notes) parts.push("", "## Notes from the request", "", markdownText(input.notes));
  return `${parts.join("\n")}\n`;
}

type Band = "Elite" | "High" | "Medium" | "Low";

/** DORA performance bands (State of DevOps 2023/2024 clusters). */
function doraBands(input: Input): { metric: string; target: string; band: Band; measure: string }[] {
  const deploys = input.targetDeploysPerDay;
  const lead = input.targetLeadTimeHours;
  const cfr = input.targetChangeFailureRatePercent;
  const mttr = input.targetMttrMinutes;
  return [
    { metric: "Deployment frequency", target: `${formatPercent(deploys, 1)} a day`, band: deploys >= 1 ? "Elite" : deploys >= 1 / 7 ? "High" : deploys >= 1 / 30 ? "Medium" : "Low", measure: "Successful production deploy jobs per day" },
    { metric: "Lead time for changes", target: formatDuration(lead * 60), band: lead < 24 ? "Elite" : lead <= 24 * 7 ? "High" : lead <= 24 * 30 ? "Medium" : "Low", measure: "Commit time to the production deploy that contains it" },
    { metric: "Change failure rate", target: `${formatPercent(cfr)}%`, band: cfr <= 5 ? "Elite" : cfr <= 10 ? "High" : cfr <= 15 ? "Medium" : "Low", measure: "Production deploys rolled back, hot-fixed or causing an incident, over all production deploys" },
    { metric: "Time to restore service", target: formatDuration(mttr), band: mttr < 60 ? "Elite" : mttr < 24 * 60 ? "High" : mttr <= 7 * 24 * 60 ? "Medium" : "Low", measure: "Incident start to service restored" },
  ];
}

function doraDocument(input: Input): string {
  const rows = doraBands(input);
  return `${[
    `# DORA targets: ${markdownText(input.repository)}`,
    "",
    markdownTable(["Metric", "Target", "DORA band", "How it is measured"], rows.map((row) => [row.metric, row.target, row.band, row.measure])),
    "",
    "Bands: elite deploys on demand (several times a day) with lead times under a day, at most 5% failed changes and restores in under an hour (DORA State of DevOps).",
    "",
    "## What the pipeline contributes",
    "",
    `- Frequency and lead time: every merge to main builds once and is promoted through ${input.environments.map((environment) => environment.name).join(" → ")} without rebuilding.`,
    `- Change failure rate: ${input.securityScans.map((scan) => securityScanChoice.label(scan)).join(", ")} gate every change; the rollout analysis catches what tests miss.`,
    `- Time to restore: automatic rollback within ${formatDuration(input.rollbackWindowMinutes)} of a threshold breach, and a one-command manual rollback.`,
  ].join("\n")}\n`;
}

function readme(input: Input, pipelinePath: string): string {
  const prod = production(input);
  const parts = [
    `# Delivery pipeline: ${markdownText(input.repository)}`,
    "",
    `${ciPlatformChoice.label(input.ciPlatform)} builds ${languageChoice.label(input.language)} with ${buildToolChoice.label(input.buildTool)}, pushes the image to ${registryChoice.label(input.artifactRegistry)} and promotes it through ${input.environments.map((environment) => `${environment.name}${environment.autoDeploy ? "" : " (manual)"}`).join(" → ")}.`,
    "",
    "## Files",
    "",
    `- \`${pipelinePath}\`: the pipeline.`,
    "- `rollout/`: the Argo Rollouts objects for production (Rollout, AnalysisTemplate, Services); add them to the production kustomization.",
    "- `pipeline.mmd`: the pipeline as a diagram.",
    "- `rollback-runbook.md` and `dora-targets.md`.",
    "",
    "## Set up once",
    "",
  ];
  if (prod && input.productionApprovers > 0) {
    parts.push(
      input.ciPlatform === "github-actions"
        ? `- In Settings → Environments → \`${prod.name}\`, add required reviewers${input.approverGroup ? ` (${markdownText(input.approverGroup)})` : ""}; GitHub asks any one of them, so use a ruleset or CODEOWNERS review for ${input.productionApprovers > 1 ? `${input.productionApprovers} distinct approvals` : "more than one"}.`
        : `- In Settings → CI/CD → Protected environments, protect \`${prod.name}\` and require ${input.productionApprovers} approval${input.productionApprovers > 1 ? "s" : ""}${input.approverGroup ? ` from ${markdownText(input.approverGroup)}` : ""}.`,
    );
  }
  const manual = input.environments.filter((environment) => !environment.autoDeploy && environment.kind !== "production");
  if (manual.length && input.ciPlatform === "github-actions") {
    parts.push(`- Deploys to ${manual.map((environment) => `\`${environment.name}\``).join(", ")} start by hand: give ${manual.length > 1 ? "those environments" : "that environment"} required reviewers too, so the job waits for someone to start it.`);
  }
  parts.push(
    input.ciPlatform === "github-actions" ? "- Add the secret `KUBECONFIG` (base64) to each environment, scoped to a deploy-only service account." : "- Add the variable `KUBECONFIG` (type File) to each environment, scoped to a deploy-only service account.",
    "- Install Argo Rollouts and the NGINX ingress controller in the cluster; Prometheus must scrape `http_requests_total` and `http_request_duration_seconds` from the app.",
  );
  return `${parts.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------

function generate(input: Input) {
  const prod = production(input);
  const namespace = prod?.name ?? input.environments[input.environments.length - 1].name;
  const pipelinePath = input.ciPlatform === "github-actions" ? ".github/workflows/delivery.yml" : ".gitlab-ci.yml";
  const pipeline = input.ciPlatform === "github-actions" ? githubWorkflow(input) : gitlabPipeline(input);
  const services = rolloutServices(input, namespace);
  const analysis = analysisTemplate(input);
  const template = { ...analysis, metadata: { ...(analysis.metadata as object), namespace } };

  const artifacts: Artifact[] = [
    { path: pipelinePath, kind: "pipeline", mediaType: mediaTypes.yaml, content: yamlDocument(pipeline) },
    { path: "rollout/rollout.yaml", kind: "kubernetes", mediaType: mediaTypes.yaml, content: yamlDocument(rollout(input, namespace)) },
    { path: "rollout/analysis-template.yaml", kind: "kubernetes", mediaType: mediaTypes.yaml, content: yamlDocument(template) },
    ...(services.length ? [{ path: "rollout/services.yaml", kind: "kubernetes" as const, mediaType: mediaTypes.yaml, content: yamlDocuments(services) }] : []),
    { path: "pipeline.mmd", kind: "diagram", mediaType: mediaTypes.mermaid, content: pipelineDiagram(input) },
    { path: "rollback-runbook.md", kind: "runbook", mediaType: mediaTypes.markdown, content: rollbackRunbook(input) },
    { path: "dora-targets.md", kind: "document", mediaType: mediaTypes.markdown, content: doraDocument(input) },
    { path: "README.md", kind: "document", mediaType: mediaTypes.markdown, content: readme(input, pipelinePath) },
  ];

  const bands = doraBands(input);
  const rolloutMinutes = input.strategy === "canary" ? (input.canarySteps ?? []).reduce((sum, step) => sum + step.pauseMinutes, 0) : input.strategy === "blue-green" ? (input.blueGreenVerifyMinutes ?? 0) : input.rollbackWindowMinutes;
  const summary: SummaryFigure[] = [
    { key: "strategy", label: "Release strategy", value: strategyChoice.label(input.strategy), detail: input.strategy === "canary" ? (input.canarySteps ?? []).map((step) => `${step.weight}%`).join(" → ") + " → 100%" : undefined },
    { key: "rollout-duration", label: "Production rollout", value: rolloutMinutes, unit: "min", detail: input.strategy === "canary" ? "sum of the canary pauses" : input.strategy === "blue-green" ? "verification before the switch" : "analysis window" },
    { key: "error-threshold", label: "Rollback above error rate", value: input.rollbackErrorRatePercent, unit: "%", detail: `measured every minute for ${input.rollbackWindowMinutes} min` },
    { key: "latency-threshold", label: "Rollback above p99 latency", value: input.rollbackLatencyP99Ms, unit: "ms" },
    { key: "environments", label: "Environments", value: input.environments.length, detail: input.environments.map((environment) => environment.name).join(" → ") },
    { key: "approvals", label: "Production approvals", value: input.productionApprovers },
    { key: "security-scans", label: "Security scans", value: input.securityScans.length, detail: input.securityScans.map((scan) => securityScanChoice.label(scan)).join(", ") },
    { key: "dora-band", label: "DORA band of the targets", value: bands.every((band) => band.band === "Elite") ? "Elite" : bands.map((band) => band.band).sort((a, b) => ["Low", "Medium", "High", "Elite"].indexOf(a) - ["Low", "Medium", "High", "Elite"].indexOf(b))[0], detail: "the lowest band of the four targets" },
  ];
  return { summary, artifacts };
}

export const deploymentEngineerGenerator: RoleGenerator<Input> = { role: "deployment-engineer", version: "1.3.0", generate };
