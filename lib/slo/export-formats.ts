// The export formats and their names: separate from lib/slo/exports.ts so that menus in the browser do not
// pull in the YAML library.
export const exportFormats = ["openslo", "sloth", "prometheus", "promtool"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportFormatLabels: Record<ExportFormat, string> = {
  openslo: "OpenSLO v1",
  sloth: "Sloth spec",
  prometheus: "Prometheus rules",
  promtool: "Rules unit tests (promtool)",
};
