// Kubernetes resource quantities: CPU as cores or millicores ("1", "0.5", "250m") and memory as bytes with
// binary or decimal suffixes ("256Mi", "1Gi", "500M"), parsed to numbers so limits can be compared with requests.

export const cpuPattern = /^(\d+(?:\.\d+)?)(m?)$/;
// Kubernetes writes kilo as "k" only: "500000K" is refused by the API server, so it is refused here too.
export const memoryPattern = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/;

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
  const amount = Number(match[1]);
  const millicores = match[2] === "m" ? amount : amount * 1000;
  // Kubernetes rounds CPU to whole millicores; anything finer is a typo.
  return Number.isInteger(Math.round(millicores * 1e6) / 1e6) ? millicores : undefined;
}

/** Bytes of a memory quantity, or undefined when it is not one. */
export function parseMemoryBytes(text: string): number | undefined {
  const match = memoryPattern.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * memoryMultipliers[match[2] ?? ""];
}

export const cpuFormatMessage = "Write CPU as cores (0.5, 2) or millicores (250m)";
export const memoryFormatMessage = "Write memory with a unit, e.g. 256Mi or 1Gi (kilo is a lowercase k)";
