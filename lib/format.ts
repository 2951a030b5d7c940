// Dates and times as people read them. Rendering uses UTC so that server and browser agree.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const date = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return `${dateTime.format(new Date(value))} UTC`;
}

export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return date.format(new Date(value));
}

const utcDay = (at: Date) => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());

/** "3 minutes ago", "in 2 days", relative to `now`. */
export function formatRelative(value: Date | string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(value).getTime() - now.getTime()) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  const format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) < size) continue;
    // Days count calendar days (UTC), so 10:00 the day after tomorrow is "in 2 days", not "tomorrow".
    if (unit === "day") return format.format(Math.round((utcDay(new Date(value)) - utcDay(now)) / 86_400_000), unit);
    return format.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}
