// The kubernetes-specialist's deliverables: production-grade manifests for one workload (Namespace with
// Pod Security labels, ServiceAccount, Deployment or StatefulSet, Service, HPA, PDB, NetworkPolicy,
// Ingress), a kustomization, the GitOps object (Argo CD Application or Flux Kustomization) and a
// best-practice report. Manifests are built as objects and serialised with the yaml library.
import type { Artifact, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { yamlDocument, yamlDocuments } from "@/lib/agents/shared/yaml-artifact";
import { markdownTable, markdownText } from "@/lib/agents/shared/escape";
import { kubernetesName } from "@/lib/agents/shared/kubernetes-names";
import { parseCpuMillicores, parseMemoryBytes } from "./quantities";
import { autoscalingMetricChoice, environmentChoice, podSecurityChoice, type KubernetesSpecialistRequirements } from "./schema";

type Input = KubernetesSpecialistRequirements;
type Manifest = Record<string, unknown>;

/** The Kubernetes API version the manifests are written for and validated against (kubernetes-models 4.5). */
export const kubernetesVersion = "1.33";

/** Non-root user and group the container runs as; images built FROM distroless/nonroot use 65532 too. */
const runAsUser = 10001;


/** The instance label: a label value (at most 63), so a long app name is shortened with a hash suffix. */
const instanceOf = (input: Input) => kubernetesName("labelValue", `${input.appName}-${input.environment}`);

function labelsOf(input: Input): Record<string, string> {
  return {
    "app.kubernetes.io/name": input.appName,
    "app.kubernetes.io/instance": instanceOf(input),
    "app.kubernetes.io/part-of": input.namespace,
    "app.kubernetes.io/managed-by": input.gitOpsTool === "argocd" ? "argocd" : "flux",
    environment: input.environment,
  };
}

function selectorOf(input: Input): Record<string, string> {
  return { "app.kubernetes.io/name": input.appName, "app.kubernetes.io/instance": instanceOf(input) };
}

const autoscales = (input: Input) => input.replicasMax > input.replicasMin && input.autoscalingMetric !== undefined && input.autoscalingTarget !== undefined;
const hardened = (input: Input) => input.podSecurityLevel !== "privileged";
/** The port probes and the ingress use: the first TCP port named http, else the first TCP port. */
const mainPort = (input: Input) => input.ports.find((port) => port.protocol === "TCP" && port.name === "http") ?? input.ports.find((port) => port.protocol === "TCP") ?? input.ports[0];

function namespace(input: Input): Manifest {
  // Enforce the chosen level; audit and warn at restricted so every gap from the hardest level is visible.
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: {
      name: input.namespace,
      labels: {
        "kubernetes.io/metadata.name": input.namespace,
        "pod-security.kubernetes.io/enforce": input.podSecurityLevel,
        "pod-security.kubernetes.io/enforce-version": `v${kubernetesVersion}`,
        "pod-security.kubernetes.io/audit": "restricted",
        "pod-security.kubernetes.io/audit-version": `v${kubernetesVersion}`,
        "pod-security.kubernetes.io/warn": "restricted",
        "pod-security.kubernetes.io/warn-version": `v${kubernetesVersion}`,
      },
    },
  };
}

function serviceAccount(input: Input): Manifest {
  return {
    apiVersion: "v1",
    kind: "ServiceAccount",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) },
    // The app does not call the Kubernetes API: no token is mounted unless it asks for one.
    automountServiceAccountToken: false,
  };
}

function probes(input: Input): Record<string, unknown> {
  const port = mainPort(input);
  const handler = (path: string | undefined): Record<string, unknown> => {
    if (input.probeType === "http") return { httpGet: { path: path ?? "/", port: port.name } };
    if (input.probeType === "grpc") return { grpc: { port: port.containerPort } };
    return { tcpSocket: { port: port.name } };
  };
  const result: Record<string, unknown> = {
    readinessProbe: { ...handler(input.readinessPath), periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 3 },
    livenessProbe: { ...handler(input.livenessPath), periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
  };
  if (input.startupSeconds > 0) {
    // The startup probe holds liveness back for the start-up time (checked every 5 s), plus one period of slack.
    result.startupProbe = { ...handler(input.livenessPath), periodSeconds: 5, timeoutSeconds: 2, failureThreshold: Math.ceil(input.startupSeconds / 5) + 1 };
  }
  return result;
}

function podTemplate(input: Input): Manifest {
  const metricsPort = input.ports.find((port) => port.name === "metrics");
  const container: Record<string, unknown> = {
    name: input.appName,
    image: input.image,
    imagePullPolicy: "IfNotPresent",
    ports: input.ports.map((port) => ({ name: port.name, containerPort: port.containerPort, protocol: port.protocol })),
  };
  const envFrom = [...input.configMaps.map((name) => ({ configMapRef: { name } })), ...input.secretRefs.map((name) => ({ secretRef: { name } }))];
  if (envFrom.length) container.envFrom = envFrom;
  container.resources = {
    requests: { cpu: input.cpuRequest, memory: input.memoryRequest },
    limits: { cpu: input.cpuLimit, memory: input.memoryLimit },
  };
  Object.assign(container, probes(input));
  if (hardened(input)) {
    container.securityContext = {
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
    };
  }
  const mounts: Record<string, unknown>[] = [{ name: "tmp", mountPath: "/tmp" }];
  if (input.workloadKind === "StatefulSet") mounts.push({ name: "data", mountPath: "/var/lib/data" });
  container.volumeMounts = mounts;

  const selector = selectorOf(input);
  const spec: Record<string, unknown> = {
    serviceAccountName: input.appName,
    automountServiceAccountToken: false,
  };
  if (hardened(input)) {
    spec.securityContext = { runAsNonRoot: true, runAsUser, runAsGroup: runAsUser, fsGroup: runAsUser, seccompProfile: { type: "RuntimeDefault" } };
  }
  // Spread replicas over zones and nodes so that losing either takes out as few as possible.
  spec.topologySpreadConstraints = [
    { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: input.environment === "production" ? "DoNotSchedule" : "ScheduleAnyway", labelSelector: { matchLabels: selector } },
  ];
  spec.affinity = {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: selector } } }],
    },
  };
  spec.terminationGracePeriodSeconds = 30;
  spec.containers = [container];
  // A read-only root filesystem still needs somewhere to write temporary files.
  spec.volumes = [{ name: "tmp", emptyDir: { sizeLimit: "256Mi" } }];

  const annotations: Record<string, string> = {};
  if (metricsPort) {
    annotations["prometheus.io/scrape"] = "true";
    annotations["prometheus.io/port"] = String(metricsPort.containerPort);
  }
  return { metadata: { labels: labelsOf(input), ...(Object.keys(annotations).length ? { annotations } : {}) }, spec };
}

function workload(input: Input): Manifest {
  const base = { metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) } };
  // With an HPA the replica count is the HPA's: leaving `replicas` out stops every sync from resetting it.
  const replicas = autoscales(input) ? {} : { replicas: input.replicasMin };
  if (input.workloadKind === "StatefulSet") {
    return {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      ...base,
      spec: {
        serviceName: kubernetesName("dns1035Label", `${input.appName}-headless`),
        ...replicas,
        revisionHistoryLimit: 5,
        podManagementPolicy: "OrderedReady",
        updateStrategy: { type: "RollingUpdate" },
        selector: { matchLabels: selectorOf(input) },
        template: podTemplate(input),
        persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } } }],
      },
    };
  }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    ...base,
    spec: {
      ...replicas,
      revisionHistoryLimit: 5,
      // Never drop below the desired count during a rollout: surge one extra pod at a time instead.
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 0 } },
      selector: { matchLabels: selectorOf(input) },
      template: podTemplate(input),
    },
  };
}

function services(input: Input): Manifest[] {
  const ports = input.ports.map((port) => ({ name: port.name, port: port.containerPort, targetPort: port.name, protocol: port.protocol }));
  const service: Manifest = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) },
    spec: { type: "ClusterIP", selector: selectorOf(input), ports },
  };
  if (input.workloadKind !== "StatefulSet") return [service];
  return [
    service,
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: kubernetesName("dns1035Label", `${input.appName}-headless`), namespace: input.namespace, labels: labelsOf(input) },
      spec: { clusterIP: "None", publishNotReadyAddresses: true, selector: selectorOf(input), ports },
    },
  ];
}

function horizontalPodAutoscaler(input: Input): Manifest {
  const metric =
    input.autoscalingMetric === "requests-per-second"
      ? { type: "Pods", pods: { metric: { name: "http_requests_per_second" }, target: { type: "AverageValue", averageValue: String(input.autoscalingTarget) } } }
      : { type: "Resource", resource: { name: input.autoscalingMetric, target: { type: "Utilization", averageUtilization: input.autoscalingTarget } } };
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: input.workloadKind, name: input.appName },
      minReplicas: input.replicasMin,
      maxReplicas: input.replicasMax,
      metrics: [metric],
      // Scale up fast, scale down slowly: flapping costs more than a few idle pods.
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, policies: [{ type: "Percent", value: 100, periodSeconds: 30 }, { type: "Pods", value: 4, periodSeconds: 30 }], selectPolicy: "Max" },
        scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: "Percent", value: 25, periodSeconds: 60 }], selectPolicy: "Min" },
      },
    },
  };
}

function podDisruptionBudget(input: Input): Manifest {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) },
    spec: { minAvailable: input.pdbMinAvailable, selector: { matchLabels: selectorOf(input) }, unhealthyPodEvictionPolicy: "AlwaysAllow" },
  };
}

function networkPolicy(input: Input): Manifest {
  const allowed = [...new Set(input.allowedNamespaces ?? [])].filter((name) => name !== input.namespace).sort();
  const ports = input.ports.map((port) => ({ protocol: port.protocol, port: port.containerPort }));
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input) },
    spec: {
      podSelector: { matchLabels: selectorOf(input) },
      policyTypes: ["Ingress", "Egress"],
      ingress: [
        {
          from: [{ podSelector: {} }, ...allowed.map((name) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": name } } }))],
          ports,
        },
      ],
      egress: [
        // DNS through the cluster resolver.
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
        // Pods of the same namespace, and HTTPS to anything outside the cluster (payment providers, cloud APIs).
        { to: [{ podSelector: {} }] },
        { to: [{ ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] } }], ports: [{ protocol: "TCP", port: 443 }] },
      ],
    },
  };
}

function ingress(input: Input): Manifest {
  const port = mainPort(input);
  const annotations: Record<string, string> = {};
  if (input.tlsEnabled && input.tlsIssuer) annotations["cert-manager.io/cluster-issuer"] = input.tlsIssuer;
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "Ingress",
    metadata: { name: input.appName, namespace: input.namespace, labels: labelsOf(input), ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      ingressClassName: "nginx",
      ...(input.tlsEnabled ? { tls: [{ hosts: [input.ingressHost], secretName: `${input.appName}-tls` }] } : {}),
      rules: [{ host: input.ingressHost, http: { paths: [{ path: "/", pathType: "Prefix", backend: { service: { name: input.appName, port: { name: port.name } } } }] } }],
    },
  };
}

function gitPath(input: Input): string {
  return input.gitPath && input.gitPath !== "" ? input.gitPath.replace(/^\.?\/+|\/+$/g, "") : `apps/${input.appName}/${input.environment}`;
}

function fluxUrl(repository: string): string {
  const scpLike = /^git@([^:/]+):(.+)$/.exec(repository);
  return scpLike ? `ssh://git@${scpLike[1]}/${scpLike[2]}` : repository;
}

function gitOps(input: Input): { path: string; manifests: Manifest[] } {
  if (input.gitOpsTool === "argocd") {
    return {
      path: "argocd-application.yaml",
      manifests: [
        {
          apiVersion: "argoproj.io/v1alpha1",
          kind: "Application",
          metadata: { name: `${input.appName}-${input.environment}`, namespace: "argocd", finalizers: ["resources-finalizer.argocd.argoproj.io"] },
          spec: {
            project: "default",
            source: { repoURL: input.gitRepository, targetRevision: "HEAD", path: gitPath(input) },
            destination: { server: "https://kubernetes.default.svc", namespace: input.namespace },
            syncPolicy: {
              automated: { prune: true, selfHeal: true },
              syncOptions: ["PruneLast=true", "ServerSideApply=true"],
              retry: { limit: 5, backoff: { duration: "10s", factor: 2, maxDuration: "3m" } },
            },
          },
        },
      ],
    };
  }
  return {
    path: "flux-kustomization.yaml",
    manifests: [
      {
        apiVersion: "source.toolkit.fluxcd.io/v1",
        kind: "GitRepository",
        metadata: { name: `${input.appName}-${input.environment}`, namespace: "flux-system" },
        // Flux accepts only URLs with a scheme: scp-like git@host:path becomes ssh://git@host/path.
        spec: { interval: "1m", url: fluxUrl(input.gitRepository), ref: { branch: "main" }, ...(fluxUrl(input.gitRepository).startsWith("ssh://") ? { secretRef: { name: "flux-system" } } : {}) },
      },
      {
        apiVersion: "kustomize.toolkit.fluxcd.io/v1",
        kind: "Kustomization",
        metadata: { name: `${input.appName}-${input.environment}`, namespace: "flux-system" },
        spec: {
          interval: "5m",
          path: `./${gitPath(input)}`,
          prune: true,
          wait: true,
          timeout: "5m",
          sourceRef: { kind: "GitRepository", name: `${input.appName}-${input.environment}` },
        },
      },
    ],
  };
}

interface Check {
  check: string;
  result: "pass" | "warn";
  detail: string;
}

function bestPractices(input: Input): Check[] {
  const checks: Check[] = [];
  const add = (check: string, passed: boolean, pass: string, warn: string) => checks.push({ check, result: passed ? "pass" : "warn", detail: passed ? pass : warn });
  add("Resource requests and limits set", true, `CPU ${input.cpuRequest}–${input.cpuLimit}, memory ${input.memoryRequest}–${input.memoryLimit}`, "");
  const memoryRequest = parseMemoryBytes(input.memoryRequest) ?? 0;
  const memoryLimit = parseMemoryBytes(input.memoryLimit) ?? 0;
  add(
    "Memory limit equals the request",
    memoryLimit === memoryRequest,
    "The pod is never OOM-killed for using memory the node did not reserve for it",
    `The limit (${input.memoryLimit}) is above the request (${input.memoryRequest}): under node memory pressure the pod can be killed while within its limit. Set both to the same value unless the app's peak is rare.`,
  );
  add("Runs as non-root", hardened(input), `runAsNonRoot with UID ${runAsUser}, all capabilities dropped, no privilege escalation, RuntimeDefault seccomp`, "The privileged level lets the container run as root: keep this only for node agents that need it.");
  add("Read-only root filesystem", hardened(input), "readOnlyRootFilesystem with an emptyDir at /tmp", "The root filesystem is writable: an attacker can drop binaries into the container.");
  add(
    "Readiness and liveness probes",
    true,
    `${input.probeType === "http" ? `HTTP GET ${input.readinessPath} and ${input.livenessPath}` : input.probeType === "grpc" ? "gRPC health checks" : "TCP socket checks"} on port ${mainPort(input).name}`,
    "",
  );
  add("Startup probe", input.startupSeconds > 0, `Liveness waits up to ${input.startupSeconds} s for start-up`, "No start-up time given: a slow start could be killed by the liveness probe. Set the start-up time if the app needs more than a few seconds.");
  add(
    "Anti-affinity and zone spread",
    input.replicasMin >= 2,
    `${input.replicasMin}+ replicas spread over zones (topology spread) and nodes (preferred anti-affinity)`,
    `With ${input.replicasMin} replica${input.replicasMin === 1 ? "" : "s"} there is nothing to spread: a node or zone failure takes the app down. Run at least 2.`,
  );
  add("Pod disruption budget", input.pdbEnabled, `At least ${input.pdbMinAvailable} pods stay up during node drains`, "No disruption budget: a node drain may evict every replica at once.");
  add("Autoscaling", autoscales(input), autoscales(input) ? `${input.replicasMin}–${input.replicasMax} replicas on ${autoscalingMetricChoice.label(input.autoscalingMetric!)} (target ${input.autoscalingTarget}${input.autoscalingMetric === "requests-per-second" ? "/s per pod" : "%"})` : "", "The replica count is fixed: load peaks are not absorbed.");
  add("Network policy", input.networkPolicyEnabled, `Ingress only from ${["its own namespace", ...(input.allowedNamespaces ?? [])].join(", ")}; egress to DNS, the namespace and HTTPS`, "No network policy: every pod in the cluster can reach this one.");
  add("Pod Security Standard", input.podSecurityLevel === "restricted", "The namespace enforces restricted", `The namespace enforces ${input.podSecurityLevel}; restricted is audited and warned about so gaps show up.`);
  add("Image pinned by digest", input.image.includes("@sha256:"), "The image is immutable", "The image is pinned by tag only: a re-pushed tag changes what runs. Pin the digest (tag@sha256:…) in CI.");
  if (input.ingressEnabled) add("Ingress serves TLS", input.tlsEnabled === true, `Certificate from ${input.tlsIssuer ?? "cert-manager"} for ${input.ingressHost}`, "The ingress serves plain HTTP.");
  add("Service account token not mounted", true, "automountServiceAccountToken is false", "");
  return checks;
}

function bestPracticeReport(input: Input, checks: Check[]): string {
  const warnings = checks.filter((check) => check.result === "warn").length;
  const parts = [
    `# Best-practice report: ${markdownText(input.appName)} (${environmentChoice.label(input.environment)})`,
    "",
    `${checks.length - warnings} of ${checks.length} checks pass${warnings ? `, ${warnings} warn` : ""}. Manifests are written for the Kubernetes ${kubernetesVersion} API and validated against its schemas.`,
    "",
    markdownTable(
      ["Check", "Result", "Detail"],
      checks.map((check) => [check.check, check.result === "pass" ? "✅ pass" : "⚠️ warn", check.detail]),
    ),
    "",
  ];
  return `${parts.join("\n")}`;
}

/** Inline code: nothing inside is markup, so only backticks (which would end it) are taken out. */
const codeSpan = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function readme(input: Input, files: string[]): string {
  const parts = [
    `# ${markdownText(input.appName)} on Kubernetes (${environmentChoice.label(input.environment)})`,
    "",
    `Manifests for the Kubernetes ${kubernetesVersion} API, applied by ${input.gitOpsTool === "argocd" ? "Argo CD" : "Flux"} from ${codeSpan(gitPath(input))} in ${codeSpan(input.gitRepository)}.`,
    "",
    "## Files",
    "",
    ...files.map((file) => `- \`${file}\``),
    "",
    "## Try it",
    "",
    "```sh",
    "kubectl kustomize . | kubectl apply --dry-run=server -f -",
    "```",
    "",
    "## Before the first sync",
    "",
  ];
  const todo: string[] = [];
  if (input.configMaps.length || input.secretRefs.length) {
    todo.push(`- Create ${[...input.configMaps.map((name) => `ConfigMap \`${name}\``), ...input.secretRefs.map((name) => `Secret \`${name}\``)].join(", ")} in \`${input.namespace}\` (Secrets from your secret store, e.g. External Secrets; never commit their values).`);
  }
  if (input.ingressEnabled) todo.push(`- Point DNS for ${codeSpan(input.ingressHost ?? "")} at the ingress controller (class \`nginx\`)${input.tlsEnabled ? `; cert-manager's ClusterIssuer \`${input.tlsIssuer}\` must exist` : ""}.`);
  if (input.autoscalingMetric === "requests-per-second" && autoscales(input)) todo.push("- The HPA reads the per-pod metric `http_requests_per_second` from the custom metrics API: install prometheus-adapter with a rule that exposes it.");
  if (input.workloadKind === "StatefulSet") todo.push("- Each replica gets a 10Gi volume at /var/lib/data from the default StorageClass: adjust the size and class in statefulset.yaml.");
  if (input.networkPolicyEnabled) todo.push("- The network policy allows HTTPS egress to the internet; narrow it to the addresses the app really calls where you can.");
  todo.push(`- The container runs as UID ${runAsUser}${hardened(input) ? " with a read-only root filesystem: the image must not need to write outside /tmp" : ""}.`);
  parts.push(...todo);
  if (input.notes) parts.push("", "## Notes from the request", "", markdownText(input.notes));
  return `${parts.join("\n")}\n`;
}

function generate(input: Input) {
  const files: { path: string; manifests: Manifest[] }[] = [
    { path: "namespace.yaml", manifests: [namespace(input)] },
    { path: "serviceaccount.yaml", manifests: [serviceAccount(input)] },
    { path: input.workloadKind === "StatefulSet" ? "statefulset.yaml" : "deployment.yaml", manifests: [workload(input)] },
    { path: "service.yaml", manifests: services(input) },
  ];
  if (autoscales(input)) files.push({ path: "hpa.yaml", manifests: [horizontalPodAutoscaler(input)] });
  if (input.pdbEnabled && input.pdbMinAvailable !== undefined) files.push({ path: "pdb.yaml", manifests: [podDisruptionBudget(input)] });
  if (input.networkPolicyEnabled) files.push({ path: "networkpolicy.yaml", manifests: [networkPolicy(input)] });
  if (input.ingressEnabled && input.ingressHost) files.push({ path: "ingress.yaml", manifests: [ingress(input)] });
  const kustomization: Manifest = {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources: files.map((file) => file.path),
  };
  const gitops = gitOps(input);
  const checks = bestPractices(input);

  const artifacts: Artifact[] = [
    ...files.map((file): Artifact => ({ path: file.path, kind: "kubernetes", mediaType: mediaTypes.yaml, content: yamlDocuments(file.manifests) })),
    { path: "kustomization.yaml", kind: "kubernetes", mediaType: mediaTypes.yaml, content: yamlDocument(kustomization) },
    { path: gitops.path, kind: "kubernetes", mediaType: mediaTypes.yaml, content: yamlDocuments(gitops.manifests) },
    { path: "best-practices.md", kind: "checklist", mediaType: mediaTypes.markdown, content: bestPracticeReport(input, checks) },
  ];
  artifacts.push({ path: "README.md", kind: "document", mediaType: mediaTypes.markdown, content: readme(input, artifacts.map((artifact) => artifact.path)) });

  const cpuRequest = parseCpuMillicores(input.cpuRequest) ?? 0;
  const memoryRequest = parseMemoryBytes(input.memoryRequest) ?? 0;
  const gib = (bytes: number) => Number((bytes / 2 ** 30).toFixed(2));
  const warnings = checks.filter((check) => check.result === "warn").length;
  const summary: SummaryFigure[] = [
    { key: "replicas", label: "Replicas", value: autoscales(input) ? `${input.replicasMin}–${input.replicasMax}` : String(input.replicasMin), detail: autoscales(input) ? `HPA on ${autoscalingMetricChoice.label(input.autoscalingMetric!)}` : "fixed" },
    {
      key: "cpu-requested",
      label: "CPU reserved",
      value: Number(((cpuRequest * input.replicasMin) / 1000).toFixed(2)),
      unit: "cores",
      detail: `${input.cpuRequest} × ${input.replicasMin} replicas; ${Number(((cpuRequest * input.replicasMax) / 1000).toFixed(2))} cores at ${input.replicasMax}`,
    },
    { key: "memory-requested", label: "Memory reserved", value: gib(memoryRequest * input.replicasMin), unit: "GiB", detail: `${input.memoryRequest} × ${input.replicasMin} replicas; ${gib(memoryRequest * input.replicasMax)} GiB at ${input.replicasMax}` },
    { key: "checks-passed", label: "Best-practice checks passed", value: `${checks.length - warnings}/${checks.length}`, detail: warnings ? `${warnings} warning${warnings === 1 ? "" : "s"} in best-practices.md` : "no warnings" },
    { key: "pod-security", label: "Pod Security level", value: podSecurityChoice.label(input.podSecurityLevel) },
    { key: "manifests", label: "Manifests", value: files.reduce((sum, file) => sum + file.manifests.length, 0) + gitops.manifests.length, detail: `Kubernetes ${kubernetesVersion} API` },
  ];
  return { summary, artifacts };
}

export const kubernetesSpecialistGenerator: RoleGenerator<Input> = { role: "kubernetes-specialist", version: "1.1.0", generate };
