import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ArrowRight, ClipboardList, Plus } from "lucide-react";
import { LazyMermaid } from "@/components/diagrams/lazy-mermaid";
import { RequestStatusBadge } from "@/components/requests/status-badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { collaborationMermaid, collaborationNodeLabels, edgesOf, isRoleNode } from "@/lib/agents/collaboration";
import { getRole, isRoleKey } from "@/lib/agents/registry";
import { roleDomains, type AnyRoleDefinition } from "@/lib/agents/types";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { formatDateTime, formatRelative } from "@/lib/format";
import { listRequests } from "@/lib/requests/requests.server";

type Params = { params: Promise<{ role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { role } = await params;
  return { title: isRoleKey(role) ? getRole(role).title : "Role not found" };
}

const phaseTitles = { assessment: "Assessment", implementation: "Implementation", excellence: "Excellence" } as const;

export default async function RolePage({ params }: Params) {
  const actor = await requirePageActor();
  const { role: key } = await params;
  if (!isRoleKey(key)) notFound();
  const role = getRole(key);
  const team = await currentTeam(actor);
  const requests = team ? await listRequests(actor, { team: team.slug, role: role.key, sort: "updated", pageSize: 8 }) : undefined;
  const now = new Date();

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/roles" className="inline-flex items-center gap-1 text-fg-muted">
            <ArrowLeft aria-hidden="true" className="size-4" /> Roles · {roleDomains[role.domain]}
          </Link>
        }
        title={role.title}
        description={role.mission}
        actions={
          <Link href={`/requests/new?role=${role.key}`} className={buttonVariants({ size: "lg" })}>
            <Plus aria-hidden="true" /> Start a request
          </Link>
        }
      />

      {role.targets.length > 0 && (
        <section aria-labelledby="targets" className="mb-8">
          <h2 id="targets" className="sr-only">
            Targets
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="role-targets">
            {role.targets.map((target) => (
              <li key={target.label}>
                <Stat label={target.label} value={target.value} hint="Target from the platform playbook" />
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mb-8 grid gap-6 2xl:grid-cols-5">
        <Card className="2xl:col-span-2">
          <CardHeader>
            <CardTitle>Responsibilities</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex list-disc flex-col gap-2 pl-5 text-base marker:text-fg-muted">
              {role.responsibilities.map((responsibility) => (
                <li key={responsibility}>{responsibility}</li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card className="2xl:col-span-3">
          <CardHeader>
            <CardTitle>How the work runs</CardTitle>
            <CardDescription>Every request goes through the same three phases.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="grid gap-4 md:grid-cols-3" aria-label="Workflow phases">
              {(Object.keys(phaseTitles) as (keyof typeof phaseTitles)[]).map((phase, index) => (
                <li key={phase} className="flex flex-col gap-2 rounded-md border border-border bg-surface-muted p-4">
                  <h3 className="flex items-center gap-2 text-lg font-semibold">
                    <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent text-sm text-accent-fg">
                      {index + 1}
                    </span>
                    {phaseTitles[phase]}
                  </h3>
                  <ul className="flex flex-col gap-1.5 text-base text-fg">
                    {role.phases[phase].map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>

      <Collaborators role={role} />

      <div className="mb-8 grid items-start gap-6 xl:grid-cols-5">
        <Card className="xl:col-span-3">
          <CardHeader>
            <CardTitle>{team ? `Requests from ${team.name}` : `Requests to the ${role.title}`}</CardTitle>
            <CardDescription>{`Your team's requests to the ${role.title}, most recently updated first.`}</CardDescription>
          </CardHeader>
          <CardContent>
            {!team || !requests ? (
              <EmptyState titleAs="h3" title="You are not in a team yet" description="Requests belong to a team. Create one, or ask a team's owner to add you." />
            ) : requests.requests.length === 0 ? (
              <EmptyState
                titleAs="h3"
                icon={<ClipboardList />}
                title="No requests yet"
                description={`Nobody in ${team.name} has asked the ${role.title} for anything yet. Start a request to describe what you need.`}
                action={
                  <Link href={`/requests/new?role=${role.key}`} className={buttonVariants()}>
                    <Plus aria-hidden="true" /> Start a request
                  </Link>
                }
              />
            ) : (
              <div className="flex flex-col gap-3">
                <Table data-testid="role-requests">
                  <THead>
                    <TR>
                      <TH>Request</TH>
                      <TH>Status</TH>
                      <TH>Author</TH>
                      <TH>Updated</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {requests.requests.map((request) => (
                      <TR key={request.id}>
                        <TD>
                          <Link href={`/requests/${request.id}`} className="link font-medium">
                            {request.title || request.draftTitle || <span className="italic">Untitled draft</span>}
                          </Link>
                        </TD>
                        <TD>
                          <RequestStatusBadge status={request.status} />
                        </TD>
                        <TD>{request.author?.name ?? request.author?.email ?? "—"}</TD>
                        <TD>
                          <time dateTime={request.updatedAt} title={formatDateTime(request.updatedAt)} className="whitespace-nowrap text-fg-muted">
                            {formatRelative(request.updatedAt, now)}
                          </time>
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                {requests.total > requests.requests.length && (
                  <Link href={`/requests?team=${team.slug}&role=${role.key}`} className="link inline-flex items-center gap-1 self-start">
                    All {requests.total} requests <ArrowRight aria-hidden="true" className="size-4" />
                  </Link>
                )}
              </div>
            )}
          </CardContent>
        </Card>
        <Card className="xl:col-span-2">
          <CardHeader>
            <CardTitle>What the form asks</CardTitle>
            <CardDescription>{role.steps.length} steps, then a review before you submit.</CardDescription>
          </CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-3">
              {role.steps.map((step, index) => (
                <li key={step.id} className="flex gap-3">
                  <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full border border-border-strong text-sm font-semibold">
                    {index + 1}
                  </span>
                  <span className="flex flex-col">
                    <span className="font-medium">{step.title}</span>
                    {step.description && <span className="text-fg-muted">{step.description}</span>}
                  </span>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>
    </>
  );
}

function Collaborators({ role }: { role: AnyRoleDefinition }) {
  const edges = edgesOf(role.key);
  const source = collaborationMermaid(role.key, { hrefOf: (key) => `/roles/${key}` });
  const neighbours = edges.map((edge) => ({ node: edge.from === role.key ? edge.to : edge.from, purpose: edge.purpose }));
  const label = `${role.title} works with ${neighbours.map((neighbour) => collaborationNodeLabels[neighbour.node]).join(", ")}`;
  return (
    <Card className="mb-8">
      <CardHeader>
        <CardTitle>Works with</CardTitle>
        <CardDescription>The specialists this role hands work to and receives it from.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <div data-testid="collaboration-diagram">
          <LazyMermaid source={source} label={label} />
        </div>
        <ul className="grid gap-3 sm:grid-cols-2 2xl:grid-cols-4" aria-label="Collaborators">
          {neighbours.map(({ node, purpose }) => (
            <li key={node} className="rounded-md border border-border p-3">
              {isRoleNode(node) ? (
                <Link href={`/roles/${node}`} className="link font-medium">
                  {collaborationNodeLabels[node]}
                </Link>
              ) : (
                <span className="font-medium">
                  {collaborationNodeLabels[node]} <span className="text-sm font-normal text-fg-muted">(not a portal role)</span>
                </span>
              )}
              {purpose && <p className="text-fg-muted">{purpose}</p>}
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
