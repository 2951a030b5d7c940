// Agenda editing helpers: moving entries up and down (the keyboard-operable reordering of the meeting
// form) and the totals the form shows. Pure.

/** Moves the entry at `index` one place up (-1) or down (+1); out-of-range moves return the list unchanged. */
export function moveEntry<T>(entries: readonly T[], index: number, direction: -1 | 1): T[] {
  const target = index + direction;
  if (index < 0 || index >= entries.length || target < 0 || target >= entries.length) return [...entries];
  const next = [...entries];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** Positions 1…n in the given order: what the server stores. */
export function withPositions<T>(entries: readonly T[]): (T & { position: number })[] {
  return entries.map((entry, index) => ({ ...entry, position: index + 1 }));
}

/** The sum of the time boxes, and how it compares with the meeting's duration. */
export function agendaFit(timeboxes: readonly number[], durationMinutes: number): { totalMinutes: number; overByMinutes: number } {
  const totalMinutes = timeboxes.reduce((sum, minutes) => sum + (Number.isFinite(minutes) ? minutes : 0), 0);
  return { totalMinutes, overByMinutes: Math.max(0, totalMinutes - durationMinutes) };
}
