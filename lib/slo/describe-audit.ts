// Sentences for the service catalog's, SLOs' and SLI data sources' audit events.
type Details = Record<string, unknown> | null;

const text = (details: Details, key: string) => {
  const value = details?.[key];
  return value === undefined || value === null ? "" : String(value);
};

export function describeSloEvent(who: string, action: string, details: unknown): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  switch (action) {
    case "service.created":
      return `${who} added the service ${text(d, "name")}`;
    case "service.updated":
      return `${who} changed the service ${text(d, "slug")}`;
    case "service.deleted":
      return `${who} deleted the service ${text(d, "name")} and its SLOs`;
    case "slo.created":
      return `${who} created the SLO “${text(d, "name")}” on ${text(d, "service")}${d?.adoptedFrom ? " from an SRE request" : ""}`;
    case "slo.updated":
      return `${who} changed the SLO “${text(d, "name")}” on ${text(d, "service")}`;
    case "slo.deleted":
      return `${who} deleted the SLO “${text(d, "name")}” on ${text(d, "service")}`;
    case "data_source.created":
      return `${who} added the data source “${text(d, "name")}”`;
    case "data_source.updated":
      return `${who} changed the data source “${text(d, "name")}”`;
    case "data_source.deleted":
      return `${who} removed the data source “${text(d, "name")}”`;
    case "data_source.tested":
      return `${who} tested the data source “${text(d, "name")}”: ${d?.ok ? `passed${d?.version ? ` (version ${text(d, "version")})` : ""}` : "failed"}`;
    default:
      return undefined;
  }
}
