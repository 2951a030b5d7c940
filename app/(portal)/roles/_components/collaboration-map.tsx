// The roles page's collaboration map: the seed's whole cross-role graph as a Mermaid diagram (role nodes
// link to their pages through Mermaid's `click … href`, which strict mode allows: only script callbacks
// are refused), and the same roles as a keyboard-friendly list of links with who each works with.
import Link from "next/link";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { collaborationEdges, collaborationMermaid, collaborationNodeLabels, collaboratorsOf } from "@/lib/agents/collaboration";
import { roleKeys } from "@/lib/agents/types";

export function CollaborationMap() {
  const source = collaborationMermaid(undefined, { hrefOf: (key) => `/roles/${key}` });
  const label = `How the ten roles work together: ${collaborationEdges.map((edge) => `${collaborationNodeLabels[edge.from]} to ${collaborationNodeLabels[edge.to]}`).join("; ")}.`;
  return (
    <Card className="mt-8" data-testid="collaboration-map">
      <CardHeader>
        <CardTitle>How the roles work together</CardTitle>
        <CardDescription>Who guides, enables or hands work to whom. Select a role to open its page.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div data-testid="collaboration-map-diagram" tabIndex={0} role="region" aria-label="Collaboration map, scrolls sideways" className="min-w-0 overflow-x-auto">
          <LazyMermaid source={source} label={label} />
        </div>
        <nav aria-label="Roles on the map">
          <ul className="flex flex-col gap-2">
            {roleKeys.map((key) => (
              <li key={key}>
                <Link href={`/roles/${key}`} className="link text-base font-medium">
                  {collaborationNodeLabels[key]}
                </Link>
                <span className="block text-sm text-fg-muted">works with {collaboratorsOf(key).map((other) => collaborationNodeLabels[other]).join(", ")}</span>
              </li>
            ))}
          </ul>
        </nav>
      </CardContent>
    </Card>
  );
}
