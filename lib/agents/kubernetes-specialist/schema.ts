// The kubernetes-specialist's requirements: what it takes to ship one workload to a cluster the way a
// specialist would (sized, probed, autoscaled, locked down, disruption-safe, delivered by GitOps).
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { choices, dns1035Label, dnsLabel, hostname, portName, issueAt, optionalText, wholeNumber } from "@/lib/agents/shared/fields";
import { cpuFormatMessage, cpuQuantityRule, memoryFormatMessage, memoryQuantityRule, parseCpuMillicores, parseMemoryBytes } from "./quantities";

export const environmentChoice = choices(
  { development: "Development", staging: "Staging", production: "Production" },
  "Choose the environment",
);
export const workloadKindChoice = choices(
  {
    Deployment: { label: "Deployment", description: "Stateless replicas, rolled out gradually" },
    StatefulSet: { label: "StatefulSet", description: "Stable identities and volumes per replica" },
  },
  "Choose the workload kind",
);
export const protocolChoice = choices({ TCP: "TCP", UDP: "UDP" }, "Choose the protocol");
export const autoscalingMetricChoice = choices(
  {
    cpu: { label: "CPU utilisation", description: "Percent of the CPU request" },
    memory: { label: "Memory utilisation", description: "Percent of the memory request" },
    "requests-per-second": { label: "Requests per second", description: "Per pod, from a custom metric" },
  },
  "Choose the autoscaling metric",
);
export const probeTypeChoice = choices(
  { http: "HTTP GET", tcp: "TCP socket", grpc: "gRPC health check" },
  "Choose how the probes check the container",
);
export const podSecurityChoice = choices(
  {
    restricted: { label: "Restricted", description: "Hardened: non-root, no privilege escalation, seccomp" },
    baseline: { label: "Baseline", description: "Blocks known privilege escalations" },
    privileged: { label: "Privileged", description: "Unrestricted: system agents only" },
  },
  "Choose the pod security level",
);
export const gitOpsToolChoice = choices({ argocd: "Argo CD", flux: "Flux" }, "Choose the GitOps tool");

// An OCI image reference: registry/repository with a tag or a digest.
const imagePattern = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)+(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

const httpPathPattern = /^\/[\w\-./~%!$&'()*+,;=:@]*$/;

const cpuQuantity = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .regex(cpuQuantityRule, cpuFormatMessage)
    .refine((value) => parseCpuMillicores(value) !== undefined && parseCpuMillicores(value)! > 0, cpuFormatMessage);
const memoryQuantity = (what: string) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, { error: `Enter the ${what}`, abort: true })
    .regex(memoryQuantityRule, memoryFormatMessage)
    .refine((value) => parseMemoryBytes(value) !== undefined && parseMemoryBytes(value)! > 0, memoryFormatMessage);

const portSchema = z.object({
  name: portName("port name"),
  containerPort: wholeNumber("container port", 1, 65535),
  protocol: protocolChoice.schema,
});

const httpPath = (what: string) => text().trim().regex(httpPathPattern, `The ${what} must be a path starting with /`).optional();

export const kubernetesSpecialistSchema = z
  .object({
    appName: dns1035Label("app name"),
    namespace: dnsLabel("namespace"),
    environment: environmentChoice.schema,
    workloadKind: workloadKindChoice.schema,
    image: z
      .string({ error: "Enter the container image" })
      .trim()
      .min(1, { error: "Enter the container image", abort: true })
      .regex(imagePattern, "Write the image as registry/repository:tag, e.g. ghcr.io/acme/checkout:1.4.2")
      // Regular expressions rather than refinements, so the published JSON Schema states them too.
      .regex(/[:@][^/]*$/, "Pin the image to a tag or digest, e.g. :1.4.2")
      .regex(/^(?!.*:latest$)/, "Pin a version instead of :latest, so rollouts and rollbacks are reproducible"),
    ports: z.array(portSchema, { error: "Add the container's ports" }).min(1, "Add at least one port").max(10, "Add at most 10 ports"),

    replicasMin: wholeNumber("minimum replicas", 1, 100),
    replicasMax: wholeNumber("maximum replicas", 1, 500),
    cpuRequest: cpuQuantity("CPU request"),
    cpuLimit: cpuQuantity("CPU limit"),
    memoryRequest: memoryQuantity("memory request"),
    memoryLimit: memoryQuantity("memory limit"),
    autoscalingMetric: autoscalingMetricChoice.schema.optional(),
    autoscalingTarget: wholeNumber("autoscaling target", 1, 100_000).optional(),

    probeType: probeTypeChoice.schema,
    readinessPath: httpPath("readiness path"),
    livenessPath: httpPath("liveness path"),
    startupSeconds: wholeNumber("start-up time", 0, 600),
    podSecurityLevel: podSecurityChoice.schema,
    networkPolicyEnabled: z.boolean(),
    allowedNamespaces: z.array(dnsLabel("namespace")).max(30, "Allow at most 30 namespaces").optional(),

    ingressEnabled: z.boolean(),
    ingressHost: hostname("ingress host").optional(),
    tlsEnabled: z.boolean().optional(),
    tlsIssuer: dnsLabel("certificate issuer").optional(),
    pdbEnabled: z.boolean(),
    pdbMinAvailable: wholeNumber("minimum available pods", 1, 100).optional(),

    configMaps: z.array(dnsLabel("ConfigMap name")).max(20, "Reference at most 20 ConfigMaps"),
    secretRefs: z.array(dnsLabel("Secret name")).max(20, "Reference at most 20 Secrets"),
    gitOpsTool: gitOpsToolChoice.schema,
    gitRepository: z
      .string({ error: "Enter the Git repository" })
      .trim()
      .regex(/^(https:\/\/|git@|ssh:\/\/)[^\s]+$/, "Enter the repository as an https:// or git@ URL"),
    gitPath: text().trim().regex(/^[\w\-./]*$/, "Use a folder path such as apps/checkout").max(200).optional(),
    notes: optionalText(),
  })
  .superRefine((input, context) => {
    if (input.replicasMin > input.replicasMax) {
      issueAt(context, ["replicasMax"], `The maximum (${input.replicasMax}) must be at least the minimum (${input.replicasMin})`);
    }
    if (input.environment === "production" && input.replicasMin < 2) {
      issueAt(context, ["replicasMin"], "Production needs at least 2 replicas so a node drain or a rollout never takes it down");
    }
    // Field refinements do not stop this one; a quantity that failed to parse is already reported.
    const cpuRequest = parseCpuMillicores(input.cpuRequest);
    const cpuLimit = parseCpuMillicores(input.cpuLimit);
    if (cpuRequest !== undefined && cpuLimit !== undefined && cpuLimit < cpuRequest) issueAt(context, ["cpuLimit"], `The CPU limit must be at least the request (${input.cpuRequest})`);
    const memoryRequest = parseMemoryBytes(input.memoryRequest);
    const memoryLimit = parseMemoryBytes(input.memoryLimit);
    if (memoryRequest !== undefined && memoryLimit !== undefined && memoryLimit < memoryRequest) issueAt(context, ["memoryLimit"], `The memory limit must be at least the request (${input.memoryRequest})`);

    if (autoscales(input)) {
      if (!input.autoscalingMetric) issueAt(context, ["autoscalingMetric"], "Choose the autoscaling metric");
      if (input.autoscalingTarget === undefined) issueAt(context, ["autoscalingTarget"], "Enter the autoscaling target");
      else if (input.autoscalingMetric !== "requests-per-second" && (input.autoscalingTarget < 10 || input.autoscalingTarget > 95)) {
        issueAt(context, ["autoscalingTarget"], "A utilisation target must be between 10% and 95%");
      }
    }

    if (input.probeType === "http") {
      if (!input.readinessPath) issueAt(context, ["readinessPath"], "Enter the readiness path, e.g. /ready");
      if (!input.livenessPath) issueAt(context, ["livenessPath"], "Enter the liveness path, e.g. /healthz");
    }
    if (input.environment === "production" && input.podSecurityLevel === "privileged") {
      issueAt(context, ["podSecurityLevel"], "Production workloads must run as baseline or restricted (CIS Kubernetes Benchmark 5.2)");
    }
    input.ports.forEach((port, index) => {
      if (input.ports.findIndex((other) => other.containerPort === port.containerPort && other.protocol === port.protocol) !== index) {
        issueAt(context, ["ports", index, "containerPort"], `Port ${port.containerPort}/${port.protocol} is listed twice`);
      }
      if (input.ports.findIndex((other) => other.name === port.name) !== index) {
        issueAt(context, ["ports", index, "name"], `The port name "${port.name}" is used twice`);
      }
    });

    if (input.ingressEnabled) {
      if (!input.ingressHost) issueAt(context, ["ingressHost"], "Enter the ingress host");
      if (input.tlsEnabled && !input.tlsIssuer) issueAt(context, ["tlsIssuer"], "Enter the cert-manager issuer that signs the certificate");
      if (input.environment === "production" && !input.tlsEnabled) issueAt(context, ["tlsEnabled"], "Production ingress must serve TLS");
      if (!input.ports.some((port) => port.protocol === "TCP")) issueAt(context, ["ingressEnabled"], "An ingress needs a TCP port to route to");
    }

    if (input.pdbEnabled) {
      if (input.replicasMin < 2) {
        issueAt(context, ["pdbEnabled"], "A disruption budget needs at least 2 replicas; with 1 it blocks every node drain");
      } else if (input.pdbMinAvailable === undefined) {
        issueAt(context, ["pdbMinAvailable"], "Enter how many pods must stay available");
      } else if (input.pdbMinAvailable >= input.replicasMin) {
        issueAt(context, ["pdbMinAvailable"], `With ${input.replicasMin} minimum replicas, at most ${input.replicasMin - 1} can be required available, or node drains block`);
      }
    }
    input.secretRefs.forEach((name, index) => {
      if (input.configMaps.includes(name)) issueAt(context, ["secretRefs", index], `"${name}" is already listed as a ConfigMap; give Secrets and ConfigMaps distinct names`);
    });
  });

export type KubernetesSpecialistInput = z.input<typeof kubernetesSpecialistSchema>;
export type KubernetesSpecialistRequirements = z.output<typeof kubernetesSpecialistSchema>;

function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Autoscaling applies only when the replica range leaves room to scale. */
function autoscales(values: { replicasMin?: unknown; replicasMax?: unknown }): boolean {
  const min = numberOf(values.replicasMin);
  const max = numberOf(values.replicasMax);
  return min !== undefined && max !== undefined && max > min;
}

export const kubernetesSpecialistSteps: FormStep[] = [
  { id: "workload", title: "Workload", description: "What runs, where, and which ports it listens on." },
  { id: "capacity", title: "Capacity", description: "Replicas, resource requests and limits, autoscaling." },
  { id: "health-security", title: "Health & security", description: "Probes, pod security and network policy." },
  { id: "traffic", title: "Traffic & availability", description: "Ingress, TLS and disruption budget." },
  { id: "delivery", title: "Configuration & delivery", description: "ConfigMaps, Secrets and GitOps." },
];

const isProduction = (values: FormValues) => values.environment === "production";

export const kubernetesSpecialistFields: FieldMeta[] = [
  { path: "appName", step: "workload", label: "App name", widget: "text", required: true, placeholder: "checkout-api", help: "Lowercase letters, digits and hyphens, starting with a letter: it names the Deployment, Service and labels." },
  { path: "namespace", step: "workload", label: "Namespace", widget: "text", required: true, placeholder: "payments" },
  { path: "environment", step: "workload", label: "Environment", widget: "radio", required: true, options: environmentChoice.options, help: "Production sets stricter defaults: 3 replicas, a disruption budget, TLS." },
  { path: "workloadKind", step: "workload", label: "Workload kind", widget: "radio", required: true, options: workloadKindChoice.options },
  { path: "image", step: "workload", label: "Container image", widget: "text", required: true, placeholder: "ghcr.io/acme/checkout-api:1.4.2", help: "Pinned to a version tag or digest." },
  {
    path: "ports",
    step: "workload",
    label: "Ports",
    widget: "group",
    required: true,
    minItems: 1,
    maxItems: 10,
    addLabel: "Add a port",
    newItem: () => ({ name: "", containerPort: undefined, protocol: "TCP" }),
    itemFields: [
      { path: "name", label: "Name", widget: "text", required: true, placeholder: "http" },
      { path: "containerPort", label: "Container port", widget: "number", required: true, min: 1, max: 65535, placeholder: "8080" },
      { path: "protocol", label: "Protocol", widget: "select", required: true, options: protocolChoice.options },
    ],
  },

  {
    path: "replicasMin",
    step: "capacity",
    label: "Minimum replicas",
    widget: "number",
    required: true,
    min: 1,
    max: 100,
    computedDefault: (values) => (isProduction(values) ? 3 : 1),
    help: "3 in production (one per zone), 1 elsewhere, unless you choose otherwise.",
  },
  {
    path: "replicasMax",
    step: "capacity",
    label: "Maximum replicas",
    widget: "number",
    required: true,
    min: 1,
    max: 500,
    computedDefault: (values) => (isProduction(values) ? 10 : 3),
    help: "Autoscaling works between the minimum and this maximum.",
  },
  { path: "cpuRequest", step: "capacity", label: "CPU request", widget: "text", required: true, placeholder: "250m", help: "What the scheduler reserves: cores (0.5) or millicores (250m)." },
  { path: "cpuLimit", step: "capacity", label: "CPU limit", widget: "text", required: true, placeholder: "1" },
  { path: "memoryRequest", step: "capacity", label: "Memory request", widget: "text", required: true, placeholder: "256Mi" },
  { path: "memoryLimit", step: "capacity", label: "Memory limit", widget: "text", required: true, placeholder: "512Mi", help: "The container is killed above it; keep it at least the request." },
  {
    path: "autoscalingMetric",
    step: "capacity",
    label: "Autoscaling metric",
    widget: "select",
    required: true,
    options: autoscalingMetricChoice.options,
    showWhen: autoscales,
    help: "Shown when the maximum is above the minimum.",
  },
  {
    path: "autoscalingTarget",
    step: "capacity",
    label: "Autoscaling target",
    widget: "number",
    required: true,
    min: 1,
    showWhen: autoscales,
    computedDefault: (values) => (values.autoscalingMetric === "requests-per-second" ? 100 : 70),
    help: "Percent of the request for CPU or memory (70% keeps utilisation high with headroom), or requests per second per pod.",
  },

  { path: "probeType", step: "health-security", label: "Probe type", widget: "radio", required: true, options: probeTypeChoice.options },
  { path: "readinessPath", step: "health-security", label: "Readiness path", widget: "text", required: true, placeholder: "/ready", showWhen: (values) => values.probeType === "http", help: "Traffic is sent only while this answers 2xx." },
  { path: "livenessPath", step: "health-security", label: "Liveness path", widget: "text", required: true, placeholder: "/healthz", showWhen: (values) => values.probeType === "http", help: "The container restarts when this stops answering." },
  { path: "startupSeconds", step: "health-security", label: "Start-up time", widget: "number", unit: "seconds", required: true, min: 0, max: 600, help: "How long the app may take to start before liveness checks begin." },
  {
    path: "podSecurityLevel",
    step: "health-security",
    label: "Pod security level",
    widget: "radio",
    required: true,
    options: podSecurityChoice.options,
    help: "The Pod Security Standard enforced on the namespace.",
  },
  { path: "networkPolicyEnabled", step: "health-security", label: "Deny traffic by default with a NetworkPolicy", widget: "checkbox" },
  {
    path: "allowedNamespaces",
    step: "health-security",
    label: "Namespaces allowed to call it",
    widget: "tags",
    placeholder: "ingress-nginx, monitoring",
    showWhen: (values) => values.networkPolicyEnabled === true,
    help: "Only pods in these namespaces (and its own) may connect.",
  },

  { path: "ingressEnabled", step: "traffic", label: "Expose it through an Ingress", widget: "checkbox" },
  { path: "ingressHost", step: "traffic", label: "Ingress host", widget: "text", required: true, placeholder: "checkout.example.com", showWhen: (values) => values.ingressEnabled === true },
  {
    path: "tlsEnabled",
    step: "traffic",
    label: "Serve TLS",
    widget: "checkbox",
    showWhen: (values) => values.ingressEnabled === true,
    computedDefault: (values) => isProduction(values),
  },
  {
    path: "tlsIssuer",
    step: "traffic",
    label: "Certificate issuer",
    widget: "text",
    required: true,
    placeholder: "letsencrypt-prod",
    showWhen: (values) => values.ingressEnabled === true && values.tlsEnabled === true,
    help: "The cert-manager ClusterIssuer that signs the certificate.",
  },
  {
    path: "pdbEnabled",
    step: "traffic",
    label: "Add a PodDisruptionBudget",
    widget: "checkbox",
    computedDefault: (values) => (numberOf(values.replicasMin) ?? 0) >= 2,
    help: "Keeps enough pods running while nodes are drained for upgrades.",
  },
  {
    path: "pdbMinAvailable",
    step: "traffic",
    label: "Minimum available pods",
    widget: "number",
    required: true,
    min: 1,
    showWhen: (values) => values.pdbEnabled === true,
    computedDefault: (values) => Math.max(1, (numberOf(values.replicasMin) ?? 2) - 1),
    help: "Defaults to one less than the minimum replicas, so a drain can always evict one pod.",
  },

  { path: "configMaps", step: "delivery", label: "ConfigMaps to mount", widget: "tags", placeholder: "checkout-config" },
  { path: "secretRefs", step: "delivery", label: "Secrets to reference", widget: "tags", placeholder: "checkout-db-credentials", help: "Names only; the values stay in your secret store." },
  { path: "gitOpsTool", step: "delivery", label: "GitOps tool", widget: "radio", required: true, options: gitOpsToolChoice.options },
  { path: "gitRepository", step: "delivery", label: "Git repository", widget: "text", required: true, placeholder: "https://github.com/acme/deploy" },
  { path: "gitPath", step: "delivery", label: "Path in the repository", widget: "text", placeholder: "apps/checkout-api" },
  { path: "notes", step: "delivery", label: "Anything else the specialist should know", widget: "textarea" },
];

export const kubernetesSpecialistInitialValues: FormValues = {
  appName: "",
  namespace: "",
  environment: "staging",
  workloadKind: "Deployment",
  image: "",
  ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
  cpuRequest: "250m",
  cpuLimit: "1",
  memoryRequest: "256Mi",
  memoryLimit: "512Mi",
  probeType: "http",
  readinessPath: "/ready",
  livenessPath: "/healthz",
  startupSeconds: 10,
  podSecurityLevel: "restricted",
  networkPolicyEnabled: true,
  allowedNamespaces: ["ingress-nginx"],
  ingressEnabled: false,
  pdbEnabled: false,
  configMaps: [],
  secretRefs: [],
  gitOpsTool: "argocd",
  gitRepository: "",
};

export const kubernetesSpecialistExample: KubernetesSpecialistInput = {
  appName: "checkout-api",
  namespace: "payments",
  environment: "production",
  workloadKind: "Deployment",
  image: "ghcr.io/acme/checkout-api:1.4.2",
  ports: [
    { name: "http", containerPort: 8080, protocol: "TCP" },
    { name: "metrics", containerPort: 9090, protocol: "TCP" },
  ],
  replicasMin: 3,
  replicasMax: 12,
  cpuRequest: "500m",
  cpuLimit: "1",
  memoryRequest: "512Mi",
  memoryLimit: "1Gi",
  autoscalingMetric: "cpu",
  autoscalingTarget: 70,
  probeType: "http",
  readinessPath: "/ready",
  livenessPath: "/healthz",
  startupSeconds: 20,
  podSecurityLevel: "restricted",
  networkPolicyEnabled: true,
  allowedNamespaces: ["ingress-nginx", "monitoring"],
  ingressEnabled: true,
  ingressHost: "checkout.acme.example",
  tlsEnabled: true,
  tlsIssuer: "letsencrypt-prod",
  pdbEnabled: true,
  pdbMinAvailable: 2,
  configMaps: ["checkout-config"],
  secretRefs: ["checkout-db-credentials", "stripe-api-key"],
  gitOpsTool: "argocd",
  gitRepository: "https://github.com/acme/platform-deploy",
  gitPath: "apps/checkout-api/production",
};

export function kubernetesSpecialistTitle(input: KubernetesSpecialistRequirements): string {
  return `${input.appName} in ${input.namespace} (${environmentChoice.label(input.environment)})`;
}

