// The minutes of a review meeting, generated once when it ends: who attended, and per agenda item the
// decisions, action items and approvals recorded during the meeting, with the time spent against its time
// box. Pure: the data layer gathers the facts, this turns them into Markdown (stored with the meeting).
import { escapeMarkdown, markdownCell, markdownParagraphs } from "@/lib/markdown/escape";
import { formatClock } from "@/lib/reviews/timer";

export interface MinutesPerson {
  name: string | null;
  email: string;
}

export interface MinutesDecision {
  /** The decision record's reference, e.g. "ADR-7". */
  reference: string | null;
  title: string;
  status: string;
}

export interface MinutesApproval {
  reviewer: MinutesPerson | null;
  decision: "APPROVE" | "REQUEST_CHANGES";
  revision: number;
  comment: string | null;
}

export interface MinutesAction {
  text: string;
  owner: MinutesPerson | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
}

export interface MinutesItem {
  position: number;
  title: string;
  role: string;
  revision: number;
  timeboxMinutes: number;
  spentSeconds: number;
  notes: string;
  decisions: MinutesDecision[];
  approvals: MinutesApproval[];
  actions: MinutesAction[];
}

export interface MinutesInput {
  title: string;
  team: string;
  scheduledAt: Date;
  startedAt: Date | null;
  endedAt: Date;
  durationMinutes: number;
  attendees: MinutesPerson[];
  items: MinutesItem[];
  /** Actions recorded for the meeting as a whole, not for one item. */
  generalActions: MinutesAction[];
}

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

const personName = (person: MinutesPerson | null) => (person ? escapeMarkdown(person.name?.trim() || person.email) : "nobody");

/** "12 min" / "4 min 30 s" / "45 s": time spent, rounded to seconds. */
export function formatSpent(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function actionLine(action: MinutesAction): string {
  const due = action.dueDate ? `, due ${action.dueDate}` : "";
  return `- [ ] ${escapeMarkdown(action.text.replace(/\s*\r?\n\s*/g, " ").trim())} (owner: ${personName(action.owner)}${due})`;
}

const approvalLabel = { APPROVE: "Approved", REQUEST_CHANGES: "Changes requested" } as const;

export function generateMinutes(input: MinutesInput): string {
  const lines: string[] = [];
  const totalSpent = input.items.reduce((sum, item) => sum + item.spentSeconds, 0);
  const totalBox = input.items.reduce((sum, item) => sum + item.timeboxMinutes, 0);
  lines.push(`# Minutes: ${escapeMarkdown(input.title)}`, "");
  lines.push(`- **Team:** ${escapeMarkdown(input.team)}`);
  lines.push(`- **Scheduled:** ${utc(input.scheduledAt)} (${input.durationMinutes} min)`);
  lines.push(`- **Held:** ${input.startedAt ? `${utc(input.startedAt)} to ${utc(input.endedAt)}` : `ended ${utc(input.endedAt)} without being started`}`);
  lines.push(`- **Time on the agenda:** ${formatSpent(totalSpent)} of ${totalBox} min planned`);
  lines.push("", "## Attendees", "");
  if (input.attendees.length === 0) lines.push("No attendees were listed.");
  for (const person of [...input.attendees].sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email))) {
    lines.push(`- ${personName(person)}`);
  }

  lines.push("", "## Time per item", "", "| # | Request | Time box | Spent | Over / under |", "|---|---|---|---|---|");
  for (const item of input.items) {
    const delta = item.spentSeconds - item.timeboxMinutes * 60;
    const overUnder = item.spentSeconds === 0 ? "not discussed" : delta > 0 ? `${formatClock(delta)} over` : `${formatClock(-delta)} under`;
    lines.push(`| ${item.position} | ${markdownCell(item.title)} | ${item.timeboxMinutes} min | ${formatSpent(item.spentSeconds)} | ${overUnder} |`);
  }
  if (input.items.length === 0) lines.push("| – | Nothing was on the agenda | – | – | – |");

  for (const item of input.items) {
    lines.push("", `## ${item.position}. ${escapeMarkdown(item.title)}`, "");
    lines.push(`${escapeMarkdown(item.role)}, revision ${item.revision}. Time: ${formatSpent(item.spentSeconds)} of ${item.timeboxMinutes} min.`);
    if (item.notes.trim()) lines.push("", "### Notes", "", markdownParagraphs(item.notes));
    lines.push("", "### Decisions", "");
    if (item.decisions.length === 0) lines.push("None recorded.");
    for (const decision of item.decisions) {
      lines.push(`- ${decision.reference ? `${escapeMarkdown(decision.reference)}: ` : ""}${escapeMarkdown(decision.title)} (${escapeMarkdown(decision.status.toLowerCase())})`);
    }
    lines.push("", "### Approvals", "");
    if (item.approvals.length === 0) lines.push("None recorded.");
    for (const approval of item.approvals) {
      const comment = approval.comment?.trim() ? `: ${escapeMarkdown(approval.comment.replace(/\s*\r?\n\s*/g, " ").trim())}` : "";
      lines.push(`- ${approvalLabel[approval.decision]} by ${personName(approval.reviewer)} (revision ${approval.revision})${comment}`);
    }
    lines.push("", "### Action items", "");
    if (item.actions.length === 0) lines.push("None recorded.");
    for (const action of item.actions) lines.push(actionLine(action));
  }

  if (input.generalActions.length > 0) {
    lines.push("", "## Other action items", "");
    for (const action of input.generalActions) lines.push(actionLine(action));
  }
  return `${lines.join("\n")}\n`;
}

/** The download's file name: "minutes-platform-2026-11-29.md". */
export function minutesFileName(teamSlug: string, scheduledAt: Date): string {
  return `minutes-${teamSlug.replace(/[^a-z0-9-]/gi, "")}-${scheduledAt.toISOString().slice(0, 10)}.md`;
}
