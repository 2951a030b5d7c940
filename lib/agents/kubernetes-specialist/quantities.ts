// Kubernetes resource quantities: CPU as cores or millicores ("1", "0.5", "250m") and memory as bytes with
// binary or decimal suffixes ("256Mi", "1Gi", "500M"), parsed to numbers so limits can be compared with requests.

export const cpuPattern = /^(\d+(?:\.\d+)?)(m?)$/;
// Kubernetes writes kilo as "k" only: "500000K" is refused by the API server, so it is refused here too.
export const memoryPattern = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;

/**
 * The whole rule for a CPU field, as one regular expression the published JSON Schema carries: more than
 * zero, whole millicores (cores with at most three decimals, millicores without a fraction), at most 15
 * digits before the point (past that the number is no longer finite).
 */
export const cpuQuantityRule = /^(?=[^1-9]*[1-9])(?:\d{1,15}(?:\.\d{1,3}0*)?|\d{1,15}(?:\.0+)?m)$/;
/** The whole rule for a memory field: more than zero, with one of the units Kubernetes knows. */
export const memoryQuantityRule = /^(?=[^1-9]*[1-9])\d+(?:\.\d+)?(?:Ki|Mi|Gi|Ti|k|M|G|T)?$/;

const memoryMultipliers: Record<string, number> = {
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** Millicores of a CPU quantity, or undefined when it is not one. */
export function parseCpuMillicores(text: string): number | undefined {
  const match = cpuPattern.exec(text.trim());
  if (!match) return undefined;
  // Kubernetes rounds CPU to whole millicores; anything finer is a typo. Counted on the digits, not on
  // floating point (which blurs the fraction of large values).
  const [whole, fraction = ""] = match[1].split(".");
  const significant = fraction.replace(/0+$/, "");
  if (match[2] === "m" ? significant !== "" : significant.length > 3) return undefined;
  const millicores = Number(match[2] === "m" ? whole : `${whole}${significant.padEnd(3, "0")}`);
  return Number.isFinite(millicores) ? millicores : undefined;
}

/** Bytes of a memory quantity, or undefined when it is not one. */
export function parseMemoryBytes(text: string): number | undefined {
  const match = memoryPattern.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * memoryMultipliers[match[2] ?? ""];
}

export const cpuFormatMessage = "Write CPU as cores (0.5, 2) or millicores (250m)";
export const memoryFormatMessage = "Write memory with a unit, e.g. 256Mi or 1Gi (kilo is a lowercase k)";
