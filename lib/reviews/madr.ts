// A decision as a MADR file (Markdown Architectural Decision Records, https://adr.github.io/madr/):
// YAML front matter, then the sections MADR names. Pure: the same decision always gives the same bytes.
import { decisionReference, type DecisionStatus } from "@/lib/reviews/schema";

export interface MadrDecision {
  number: number;
  title: string;
  status: DecisionStatus;
  context: string;
  decision: string;
  consequences: string;
  team: { slug: string; name: string };
  request: { id: string; title: string; role: { title: string } } | null;
  revision: number | null;
  author: { name: string | null; email: string } | null;
  supersededBy: { number: number; title: string } | null;
  supersedes: { number: number; title: string }[];
  decidedAt: string | null;
  createdAt: string;
}

/** A YAML scalar that survives any text: JSON strings are valid YAML double-quoted scalars. */
const yamlString = (value: string) => JSON.stringify(value);

/** One line of text (a title): line breaks become spaces. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, " ").trim();

function madrStatus(decision: MadrDecision): string {
  if (decision.status === "SUPERSEDED" && decision.supersededBy) return `superseded by ${decisionReference(decision.supersededBy.number)}`;
  return decision.status.toLowerCase();
}

/** The file name MADR suggests: NNNN-title-in-kebab-case.md. */
export function madrFileName(decision: Pick<MadrDecision, "number" | "title">): string {
  const slug = oneLine(decision.title)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${String(decision.number).padStart(4, "0")}-${slug || "decision"}.md`;
}

export function decisionToMadr(decision: MadrDecision): string {
  const date = (decision.decidedAt ?? decision.createdAt).slice(0, 10);
  const frontMatter = [
    "---",
    `status: ${yamlString(madrStatus(decision))}`,
    `date: ${date}`,
    ...(decision.author ? [`decision-makers: ${yamlString(decision.author.name ? `${oneLine(decision.author.name)} <${decision.author.email}>` : decision.author.email)}`] : []),
    `team: ${yamlString(decision.team.slug)}`,
    "---",
  ];
  const more: string[] = [];
  if (decision.request) {
    more.push(
      `- Request: ${oneLine(decision.request.title)} (${decision.request.role.title}${decision.revision ? `, revision ${decision.revision}` : ""}), id \`${decision.request.id}\``,
    );
  }
  for (const earlier of decision.supersedes) more.push(`- Supersedes ${decisionReference(earlier.number)}: ${oneLine(earlier.title)}`);
  if (decision.supersededBy) more.push(`- Superseded by ${decisionReference(decision.supersededBy.number)}: ${oneLine(decision.supersededBy.title)}`);
  const sections = [
    frontMatter.join("\n"),
    `# ${decisionReference(decision.number)}: ${oneLine(decision.title)}`,
    `## Context and Problem Statement\n\n${decision.context.trim()}`,
    `## Decision Outcome\n\n${decision.decision.trim()}`,
    `### Consequences\n\n${decision.consequences.trim()}`,
    ...(more.length ? [`## More Information\n\n${more.join("\n")}`] : []),
  ];
  return `${sections.join("\n\n")}\n`;
}
