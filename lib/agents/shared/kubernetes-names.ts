// Kubernetes names, in one place: the validation rules of the API server (k8s.io/apimachinery
// pkg/util/validation) and derivations that always satisfy them. A derived name too long for its kind is
// shortened with a stable hash suffix, so two long names that share a prefix stay distinct.

/** DNS-1123 label: most object names (Namespace, ConfigMap, port-less names), at most 63 characters. */
export const dns1123LabelPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** DNS-1123 subdomain: names of Deployments, Secrets, Ingresses…, dot-separated labels, at most 253. */
export const dns1123SubdomainPattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** DNS-1035 label: Service names, which must start with a letter, at most 63. */
export const dns1035LabelPattern = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** A label value: empty, or alphanumerics with `-`, `_`, `.` inside, at most 63. */
export const labelValuePattern = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** IANA service name (a container or Service port name): at most 15, at least one letter, no `--`. */
export const portNamePattern = /^(?!.*--)(?=.*[a-z])[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const kubernetesNameLimits = { dns1123Label: 63, dns1123Subdomain: 253, dns1035Label: 63, labelValue: 63, portName: 15 } as const;

export type KubernetesNameKind = keyof typeof kubernetesNameLimits;

const patterns: Record<KubernetesNameKind, RegExp> = {
  dns1123Label: dns1123LabelPattern,
  dns1123Subdomain: dns1123SubdomainPattern,
  dns1035Label: dns1035LabelPattern,
  labelValue: labelValuePattern,
  portName: portNamePattern,
};

/** Whether a name is valid for its kind, exactly as the API server decides. */
export function isKubernetesName(kind: KubernetesNameKind, name: string): boolean {
  return name.length <= kubernetesNameLimits[kind] && patterns[kind].test(name);
}

/** Eight hex digits of FNV-1a over the UTF-16 code units: stable across runs and machines, no I/O. */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A name of the given kind derived from already-clean parts (DNS labels joined with `-`): returned as it is
 * when it fits, otherwise cut and given `-<hash of the whole name>` so it fits and stays unique. A name that
 * must start with a letter and does not gets an `x` in front.
 */
export function kubernetesName(kind: Exclude<KubernetesNameKind, "portName">, name: string): string {
  const limit = kubernetesNameLimits[kind];
  let candidate = kind === "dns1035Label" && !/^[a-z]/.test(name) ? `x${name}` : name;
  if (candidate.length > limit) {
    const suffix = `-${stableHash(name)}`;
    candidate = `${candidate.slice(0, limit - suffix.length).replace(/[-_.]+$/, "")}${suffix}`;
  }
  if (!isKubernetesName(kind, candidate)) throw new Error(`Cannot derive a ${kind} from "${name}"`);
  return candidate;
}
