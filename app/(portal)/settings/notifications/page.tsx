import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentTeam, requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { listEndpoints } from "@/lib/notifications/endpoints.server";
import { PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";
import { NoTeam } from "../_components/no-team";
import { CreateEndpointForm } from "./_components/create-endpoint-form";
import { EndpointsTable } from "./_components/endpoints-table";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requirePageActor();
  const team = await currentTeam(actor);
  if (!team) return <NoTeam />;
  const { endpoints } = await listEndpoints(actor, team.slug);
  const canManage = roleAllows(team.role, "manage");
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Where ${team.name}'s events go: your own services, as webhooks signed the Standard Webhooks way, or Slack channels.`}
      />
      <div className="flex flex-col gap-6">
        {canManage && (
          <Card>
            <CardHeader>
              <CardTitle>Add an endpoint</CardTitle>
              <CardDescription>
                Failed deliveries are retried with backoff; after {PAUSE_AFTER_CONSECUTIVE_FAILURES} failed attempts in a row the endpoint is paused
                until someone resumes it, and the team&apos;s owners see a banner.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <CreateEndpointForm team={team.slug} />
            </CardContent>
          </Card>
        )}
        <section aria-labelledby="endpoints-heading" className="flex flex-col gap-3">
          <h2 id="endpoints-heading" className="text-xl font-semibold">
            Endpoints
          </h2>
          <EndpointsTable
            canManage={canManage}
            endpoints={endpoints.map((endpoint) => ({
              id: endpoint.id,
              kind: endpoint.kind,
              name: endpoint.name,
              url: endpoint.url,
              eventTypes: endpoint.eventTypes,
              state: endpoint.state,
              consecutiveFailures: endpoint.consecutiveFailures,
              lastDeliveryAt: endpoint.lastDeliveryAt,
            }))}
          />
        </section>
      </div>
    </>
  );
}
