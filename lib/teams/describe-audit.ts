// Sentences for the audit events of teams, their members and their API tokens.
type Details = Record<string, unknown> | null;

const text = (details: Details, key: string) => {
  const value = details?.[key];
  return value === undefined || value === null ? "" : String(value);
};

export function describeTeamEvent(who: string, action: string, details: unknown): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  switch (action) {
    case "team.created":
      return `${who} created the team ${text(d, "name")}`;
    case "member.added":
      return `${who} added ${text(d, "email")} as ${text(d, "role").toLowerCase()}`;
    case "member.role_changed":
      return `${who} changed ${text(d, "email")} from ${text(d, "from").toLowerCase()} to ${text(d, "to").toLowerCase()}`;
    case "member.removed":
      return `${who} removed ${text(d, "email")}`;
    case "token.created":
      return `${who} created the API token “${text(d, "name")}” (${text(d, "prefix")}…)`;
    case "token.revoked":
      return `${who} revoked the API token “${text(d, "name")}” (${text(d, "prefix")}…)`;
    case "demo.seeded":
      return "The demo organisation was created";
    default:
      return undefined;
  }
}
