// The seed document's cross-role collaboration graph as data, and its Mermaid rendering for role pages.
// Edges are exactly the seed's "Cross-Agent Integration and Collaboration" graph plus the pairs its bullet
// list adds; the direction is the seed's (who guides, enables or hands over to whom).
import { roleKeys, type RoleKey } from "@/lib/agents/types";

/** Roles outside this portal that the seed's graph still names. They are drawn but never linked. */
export const externalCollaborators = { "backend-developer": "Backend Developer" } as const;
export type ExternalCollaborator = keyof typeof externalCollaborators;
export type CollaborationNode = RoleKey | ExternalCollaborator;

export interface CollaborationEdge {
  from: CollaborationNode;
  to: CollaborationNode;
  /** What the two work on together, from the seed's bullet list where it says. */
  purpose?: string;
}

/** Display names for the graph (the registry owns the full titles; these match them). */
export const collaborationNodeLabels: Record<CollaborationNode, string> = {
  "cloud-architect": "Cloud Architect",
  "terraform-engineer": "Terraform Engineer",
  "kubernetes-specialist": "Kubernetes Specialist",
  "deployment-engineer": "Deployment Engineer",
  "sre-engineer": "SRE Engineer",
  "incident-responder": "Incident Responder",
  "devops-incident-responder": "DevOps Incident Responder",
  "devops-engineer": "DevOps Engineer",
  "network-engineer": "Network Engineer",
  "security-engineer": "Security Engineer",
  ...externalCollaborators,
};

export const collaborationEdges: readonly CollaborationEdge[] = [
  // The seed's mermaid graph, in its order (its repeated nodes L, M and N are the same roles as F, B and C).
  { from: "cloud-architect", to: "devops-engineer", purpose: "Guides cloud automation" },
  { from: "cloud-architect", to: "sre-engineer", purpose: "Advises on reliability patterns" },
  { from: "cloud-architect", to: "network-engineer" },
  { from: "devops-engineer", to: "deployment-engineer", purpose: "Build CI/CD pipelines together" },
  { from: "devops-engineer", to: "security-engineer", purpose: "DevSecOps" },
  { from: "sre-engineer", to: "kubernetes-specialist" },
  { from: "network-engineer", to: "terraform-engineer" },
  { from: "deployment-engineer", to: "backend-developer" },
  { from: "security-engineer", to: "incident-responder" },
  { from: "kubernetes-specialist", to: "devops-incident-responder" },
  { from: "terraform-engineer", to: "security-engineer" },
  { from: "backend-developer", to: "devops-engineer", purpose: "Align on service readiness during deployment" },
  { from: "incident-responder", to: "sre-engineer" },
  // Pairs only the seed's bullet list names.
  { from: "terraform-engineer", to: "kubernetes-specialist", purpose: "IaC for cluster provisioning" },
  { from: "deployment-engineer", to: "sre-engineer", purpose: "Ensure safe deployments" },
  { from: "security-engineer", to: "network-engineer", purpose: "Zero-trust networking" },
];

export function isRoleNode(node: CollaborationNode): node is RoleKey {
  return (roleKeys as readonly string[]).includes(node);
}

/** The roles this one works with, in either direction, in the registry's order. External nodes are left out. */
export function collaboratorsOf(key: RoleKey): RoleKey[] {
  const neighbours = new Set<CollaborationNode>();
  for (const edge of collaborationEdges) {
    if (edge.from === key) neighbours.add(edge.to);
    if (edge.to === key) neighbours.add(edge.from);
  }
  return roleKeys.filter((role) => neighbours.has(role));
}

/** The edges touching one node (both directions). */
export function edgesOf(node: CollaborationNode): CollaborationEdge[] {
  return collaborationEdges.filter((edge) => edge.from === node || edge.to === node);
}

/** A Mermaid node id: letters, digits and underscores only, so no key can break the syntax. */
export function mermaidNodeId(node: CollaborationNode): string {
  return `n_${node.replace(/[^a-zA-Z0-9]/g, "_")}`;
}

/**
 * Text inside a quoted Mermaid label. Quotes, angle brackets and the characters Mermaid treats as markup
 * become entity codes (Mermaid's own `#code;` form), so a label can never end the string or inject HTML.
 */
export function escapeMermaidLabel(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/["#&<>`{}[\]|();]/g, (character) => `#${character.charCodeAt(0)};`);
}

export interface CollaborationMermaidOptions {
  /** Link targets for role nodes (e.g. `/roles/<key>`); external nodes are never linked. */
  hrefOf?: (key: RoleKey) => string;
}

/**
 * Mermaid source of the collaboration graph. With `focus`, only that role, its neighbours and the edges
 * touching it, with the focused role highlighted; without, the whole graph.
 */
export function collaborationMermaid(focus?: RoleKey, options: CollaborationMermaidOptions = {}): string {
  const edges = focus ? edgesOf(focus) : [...collaborationEdges];
  const nodes: CollaborationNode[] = [];
  const addNode = (node: CollaborationNode) => {
    if (!nodes.includes(node)) nodes.push(node);
  };
  if (focus) addNode(focus);
  for (const edge of edges) {
    addNode(edge.from);
    addNode(edge.to);
  }
  const lines = [focus ? "graph LR" : "graph TD"];
  for (const node of nodes) {
    const label = escapeMermaidLabel(collaborationNodeLabels[node]);
    // Round boxes for roles of the portal, a stadium for an external role.
    lines.push(isRoleNode(node) ? `  ${mermaidNodeId(node)}("${label}")` : `  ${mermaidNodeId(node)}(["${label}"])`);
  }
  for (const edge of edges) {
    const arrow = edge.purpose ? `-- "${escapeMermaidLabel(edge.purpose)}" -->` : "-->";
    lines.push(`  ${mermaidNodeId(edge.from)} ${arrow} ${mermaidNodeId(edge.to)}`);
  }
  if (options.hrefOf) {
    for (const node of nodes) {
      if (isRoleNode(node) && node !== focus) lines.push(`  click ${mermaidNodeId(node)} href "${options.hrefOf(node)}" "${escapeMermaidLabel(`Open ${collaborationNodeLabels[node]}`)}"`);
    }
  }
  lines.push("  classDef focus stroke-width:3px,font-weight:bold");
  lines.push("  classDef external stroke-dasharray:4 3");
  if (focus) lines.push(`  class ${mermaidNodeId(focus)} focus`);
  const external = nodes.filter((node) => !isRoleNode(node));
  if (external.length) lines.push(`  class ${external.map(mermaidNodeId).join(",")} external`);
  return lines.join("\n");
}
