// Locale-independent number formatting for generated documents: the same bytes on every machine,
// whatever ICU data or locale the server runs with.

/** 1234567.891 → "1,234,567.89" (decimals fixed, thousands separated by commas). */
export function formatNumber(value: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** "$1,234" for whole dollars. */
export function formatUsd(value: number): string {
  return `$${formatNumber(Math.round(value))}`;
}

/** A percentage with as many decimals as it needs, up to `maxDecimals`: 99.99 → "99.99", 99.9 → "99.9". */
export function formatPercent(value: number, maxDecimals = 4): string {
  return String(Number(value.toFixed(maxDecimals)));
}

/** Minutes as "43.2 min", "4 h 30 min" or "2 d 3 h", for downtime budgets and recovery objectives. */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes - hours * 60);
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.round((minutes - days * 24 * 60) / 60);
  return hours ? `${days} d ${hours} h` : `${days} d`;
}
