// Sentences for Git delivery's audit events: repositories and publications. Details never hold credentials.
type Details = Record<string, unknown> | null;

const text = (details: Details, key: string) => {
  const value = details?.[key];
  return value === undefined || value === null ? "" : String(value);
};

export function describePublishingEvent(who: string, action: string, details: unknown): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  const name = `“${text(d, "name")}”`;
  const request = `“${text(d, "title") || "a request"}”`;
  const repository = `“${text(d, "repository")}”`;
  switch (action) {
    case "repository.created":
      return `${who} added the repository ${name}`;
    case "repository.updated":
      return `${who} changed the repository ${name}`;
    case "repository.deleted":
      return `${who} removed the repository ${name}`;
    case "repository.tested":
      return `${who} tested the connection to ${name}: ${d?.ok ? "passed" : "failed"}`;
    case "repository.auto_publish_set":
      return `${who} changed which roles publish on approval`;
    case "request.publication_queued":
      return d?.trigger === "approval" ? `${request} revision ${text(d, "revision")} was queued for ${repository} on approval` : `${who} published ${request} revision ${text(d, "revision")} to ${repository}`;
    case "request.published": {
      const conflicts = Array.isArray(d?.conflicts) ? d.conflicts.length : 0;
      return `${request} revision ${text(d, "revision")} was pushed to ${repository} (${text(d, "branch")})${conflicts ? ` with ${conflicts} conflict${conflicts === 1 ? "" : "s"}` : ""}`;
    }
    case "request.publication_failed":
      return `Publishing revision ${text(d, "revision")} to ${repository} failed: ${text(d, "error")}`;
    case "request.publication_merged":
      return `The pull request of revision ${text(d, "revision")} was merged`;
    case "request.publication_closed":
      return `The pull request of revision ${text(d, "revision")} was closed without merging`;
    case "request.publication_open":
      return `The pull request of revision ${text(d, "revision")} was reopened`;
    default:
      return undefined;
  }
}
