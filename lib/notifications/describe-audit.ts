// Sentences for the notification endpoints' audit events. Their details never hold a URL's secret part.
type Details = Record<string, unknown> | null;

const text = (details: Details, key: string) => {
  const value = details?.[key];
  return value === undefined || value === null ? "" : String(value);
};

export function describeNotificationEvent(who: string, action: string, details: unknown): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  const name = `“${text(d, "name")}”`;
  switch (action) {
    case "webhook.created":
      return `${who} added the notification endpoint ${name}`;
    case "webhook.updated":
      return `${who} changed the notification endpoint ${name}`;
    case "webhook.resumed":
      return `${who} resumed the notification endpoint ${name}`;
    case "webhook.deleted":
      return `${who} deleted the notification endpoint ${name}`;
    case "webhook.secret_rotated":
      return `${who} rotated the signing secret of ${name}`;
    case "webhook.test_sent":
      return `${who} sent a test event to ${name}`;
    case "webhook.redelivered":
      return `${who} redelivered an event to ${name}`;
    case "webhook.paused":
      return `The notification endpoint ${name} was paused after ${text(d, "consecutiveFailures")} failed deliveries in a row`;
    default:
      return undefined;
  }
}
