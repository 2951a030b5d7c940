import type { Metadata } from "next";
import Link from "next/link";
import { CirclePause } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { roleAllows } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { getEndpoint, listDeliveries } from "@/lib/notifications/endpoints.server";
import { endpointKindLabels, PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";
import { eventTypeLabels } from "@/lib/outbox/events";
import { orNotFound } from "../../../_lib/or-not-found";
import { EndpointStateBadge } from "../_components/endpoint-state-badge";
import { AutoRefresh } from "./_components/auto-refresh";
import { DeliveryLog, DeliveryStatusFilter, deliveryFilters, isDeliveryFilter } from "./_components/delivery-log";
import { DeleteEndpointButton, EnableButton, ResumeButton, SendTestEventButton } from "./_components/endpoint-buttons";
import { EditEndpointDialog } from "./_components/edit-endpoint-dialog";
import { RotateEndpointSecret } from "./_components/rotate-secret-dialog";

export const metadata: Metadata = { title: "Notification endpoint" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The log's page size; a full page offers the older ones. */
const PAGE_SIZE = 50;

export default async function EndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const [{ id }, query, actor] = await Promise.all([params, searchParams, requirePageActor()]);
  const requested = one(query.status);
  const filter = isDeliveryFilter(requested) ? requested : "all";
  // A malformed `before` (an edited URL) shows the newest deliveries rather than an error.
  const beforeParam = one(query.before);
  const before = beforeParam && !Number.isNaN(Date.parse(beforeParam)) ? new Date(beforeParam).toISOString() : undefined;
  const [{ endpoint, team, role }, { deliveries }] = await Promise.all([
    orNotFound(getEndpoint(actor, id)),
    orNotFound(listDeliveries(actor, id, { status: deliveryFilters[filter].status, before, limit: PAGE_SIZE })),
  ]);
  const canManage = roleAllows(role, "manage");
  const renderedAt = new Date().toISOString();
  const filterQuery = filter === "all" ? "" : `status=${filter}&`;
  const olderHref = deliveries.length === PAGE_SIZE ? `/settings/notifications/${endpoint.id}?${filterQuery}before=${encodeURIComponent(deliveries[deliveries.length - 1]!.createdAt)}` : undefined;

  return (
    <>
      <PageHeader
        eyebrow={
          <>
            <Link href="/settings/notifications" className="link">
              Notifications
            </Link>{" "}
            · {team.name}
          </>
        }
        title={endpoint.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <EndpointStateBadge state={endpoint.state} consecutiveFailures={endpoint.consecutiveFailures} />
            <span>{endpointKindLabels[endpoint.kind]}</span>
            <span className="font-mono text-base break-all" data-testid="endpoint-url">
              {endpoint.url}
            </span>
          </span>
        }
        actions={
          canManage && (
            <>
              <SendTestEventButton id={endpoint.id} state={endpoint.state} />
              <EditEndpointDialog
                endpoint={{ id: endpoint.id, kind: endpoint.kind, name: endpoint.name, url: endpoint.url, eventTypes: endpoint.eventTypes, version: endpoint.version }}
              />
            </>
          )
        }
      />
      <div className="flex flex-col gap-6">
        {canManage && endpoint.state === "disabled" && (
          <p id="test-event-disabled" className="text-sm text-fg-muted">
            The endpoint is disabled: enable it to send it a test event.
          </p>
        )}
        {endpoint.state === "paused" && (
          <section
            aria-labelledby="paused-heading"
            className="flex flex-col gap-3 rounded-md border-2 border-critical/50 bg-critical-soft p-4 text-critical-fg sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="flex items-start gap-3">
              <CirclePause aria-hidden="true" className="mt-0.5 size-6 shrink-0" />
              <div>
                <h2 id="paused-heading" className="text-lg font-semibold text-critical-fg">
                  Paused{endpoint.pausedAt ? ` since ${formatDateTime(endpoint.pausedAt)}` : ""}
                </h2>
                <p>
                  The portal paused it after {PAUSE_AFTER_CONSECUTIVE_FAILURES} consecutive failed attempts, and sends it nothing until it is resumed. Its
                  deliveries wait meanwhile: resuming sends them again.
                  {!canManage && " A maintainer or owner of the team can resume it."}
                </p>
              </div>
            </div>
            {canManage && <ResumeButton id={endpoint.id} version={endpoint.version} />}
          </section>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Events</CardTitle>
              <CardDescription>
                {endpoint.eventTypes.length} of the team&apos;s event types, plus test events sent from this page.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-1.5" aria-label="Subscribed events">
                {endpoint.eventTypes.map((type) => (
                  <li key={type} className="flex flex-wrap items-baseline gap-x-2">
                    <span>{eventTypeLabels[type] ?? type}</span>
                    <code className="font-mono text-sm text-fg-muted">{type}</code>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{endpoint.kind === "WEBHOOK" ? "Signing and state" : "State"}</CardTitle>
              <CardDescription>
                {endpoint.kind === "WEBHOOK"
                  ? "Every request carries webhook-id, webhook-timestamp and webhook-signature headers (Standard Webhooks). The secret is stored encrypted and never shown again."
                  : "Slack messages are not signed: the incoming webhook URL is the credential. Change the URL to replace it."}
              </CardDescription>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
                <dt className="text-fg-muted">Last delivery</dt>
                <dd>{endpoint.lastDeliveryAt ? formatDateTime(endpoint.lastDeliveryAt) : "Never"}</dd>
                <dt className="text-fg-muted">Failures in a row</dt>
                <dd>{endpoint.consecutiveFailures}</dd>
                <dt className="text-fg-muted">Added</dt>
                <dd>{formatDateTime(endpoint.createdAt)}</dd>
                {endpoint.previousSecretValidUntil && (
                  <>
                    <dt className="text-fg-muted">Previous secret</dt>
                    <dd data-testid="previous-secret">valid until {formatDateTime(endpoint.previousSecretValidUntil)}</dd>
                  </>
                )}
              </dl>
              {canManage && (
                <div className="flex flex-wrap gap-2">
                  {endpoint.kind === "WEBHOOK" && <RotateEndpointSecret id={endpoint.id} name={endpoint.name} />}
                  <EnableButton id={endpoint.id} version={endpoint.version} name={endpoint.name} enabled={endpoint.enabled} />
                  <DeleteEndpointButton id={endpoint.id} name={endpoint.name} />
                </div>
              )}
            </CardContent>
          </Card>
        </div>

        <section aria-labelledby="deliveries-heading" className="flex flex-col gap-3">
          <div className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
            <div className="flex flex-col gap-1">
              <h2 id="deliveries-heading" className="text-xl font-semibold">
                Delivery log
              </h2>
              <p className="text-base text-fg-muted">Newest first. Failed attempts are retried with backoff; each delivery keeps its webhook-id.</p>
            </div>
            <AutoRefresh renderedAt={renderedAt} label="Delivery log updates" />
          </div>
          <DeliveryStatusFilter endpointId={endpoint.id} current={filter} />
          {before && (
            <p className="text-sm">
              Showing deliveries before {formatDateTime(before)}.{" "}
              <Link href={`/settings/notifications/${endpoint.id}${filter === "all" ? "" : `?status=${filter}`}`} className="link">
                Back to the newest
              </Link>
            </p>
          )}
          <DeliveryLog endpointId={endpoint.id} endpointName={endpoint.name} deliveries={deliveries} filter={filter} canManage={canManage} />
          {olderHref && (
            <div>
              <Link href={olderHref} className={buttonVariants({ variant: "secondary" })}>
                Older deliveries
              </Link>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
