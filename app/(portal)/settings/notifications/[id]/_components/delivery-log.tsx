// An endpoint's delivery log, newest first: one row per event sent (or to send) to it, with the last
// attempt's outcome. Server-rendered; the page refreshes itself, and Redeliver is the only client part.
import Link from "next/link";
import { CircleCheck, CircleX, Clock, Inbox, LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { eventTypeLabels, isEventType } from "@/lib/outbox/events";
import { RedeliverButton } from "./endpoint-buttons";

export interface DeliveryRow {
  id: string;
  eventId: string;
  eventType: string;
  status: "PENDING" | "DELIVERING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  responseExcerpt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
}

/** The filters the log offers, as they read in the URL (`?status=`), and the status each one shows. */
export const deliveryFilters = {
  all: { label: "All", status: undefined },
  pending: { label: "Pending", status: "PENDING" },
  delivered: { label: "Delivered", status: "DELIVERED" },
  failed: { label: "Failed", status: "FAILED" },
} as const;
export type DeliveryFilter = keyof typeof deliveryFilters;

export const isDeliveryFilter = (value: string | undefined): value is DeliveryFilter => value !== undefined && Object.hasOwn(deliveryFilters, value);

const statusBadges: Record<DeliveryRow["status"], { label: string; tone: Tone; icon: ReactNode }> = {
  PENDING: { label: "Pending", tone: "warning", icon: <Clock aria-hidden="true" /> },
  DELIVERING: { label: "Delivering", tone: "info", icon: <LoaderCircle aria-hidden="true" /> },
  DELIVERED: { label: "Delivered", tone: "healthy", icon: <CircleCheck aria-hidden="true" /> },
  FAILED: { label: "Failed", tone: "critical", icon: <CircleX aria-hidden="true" /> },
};

// Seconds matter here: retries come seconds apart.
const timeWithSeconds = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const at = (value: string) => `${timeWithSeconds.format(new Date(value))} UTC`;

/** How much of an error or a response shows in the row; the rest opens in place. */
const EXCERPT_CHARS = 80;

function Excerpt({ label, text, tone }: { label: string; text: string; tone?: "critical" }) {
  const className = cn("font-mono text-sm break-all whitespace-pre-wrap", tone === "critical" ? "text-critical-fg" : "text-fg-muted");
  if (text.length <= EXCERPT_CHARS) {
    return (
      <p className={className}>
        <span className="font-sans font-medium">{label}: </span>
        {text}
      </p>
    );
  }
  return (
    <details className={className}>
      <summary className="cursor-pointer rounded-sm" title={text}>
        <span className="font-sans font-medium">{label}: </span>
        {text.slice(0, EXCERPT_CHARS)}…<span className="sr-only"> (show all)</span>
      </summary>
      <p className="mt-1">{text}</p>
    </details>
  );
}

export function DeliveryStatusFilter({ endpointId, current }: { endpointId: string; current: DeliveryFilter }) {
  return (
    <nav aria-label="Filter deliveries by status">
      <ul className="flex flex-wrap gap-1">
        {(Object.keys(deliveryFilters) as DeliveryFilter[]).map((filter) => (
          <li key={filter}>
            <Link
              href={filter === "all" ? `/settings/notifications/${endpointId}` : `/settings/notifications/${endpointId}?status=${filter}`}
              aria-current={filter === current ? "page" : undefined}
              className={buttonVariants({ variant: filter === current ? "primary" : "secondary", size: "sm" })}
              scroll={false}
            >
              {deliveryFilters[filter].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function DeliveryLog({
  endpointId,
  endpointName,
  deliveries,
  filter,
  canManage,
}: {
  endpointId: string;
  endpointName: string;
  deliveries: DeliveryRow[];
  filter: DeliveryFilter;
  canManage: boolean;
}) {
  if (deliveries.length === 0) {
    return filter === "all" ? (
      <EmptyState
        icon={<Inbox />}
        titleAs="h3"
        title="No deliveries yet"
        description={
          canManage
            ? "Send a test event to check that the receiver works, or wait for one of the events it is subscribed to."
            : "Deliveries show here as soon as one of the events it is subscribed to happens."
        }
      />
    ) : (
      <EmptyState
        icon={<Inbox />}
        titleAs="h3"
        title={`No ${deliveryFilters[filter].label.toLowerCase()} deliveries`}
        description="Other deliveries may be there: show them all."
        action={
          <Link href={`/settings/notifications/${endpointId}`} className={buttonVariants({ variant: "secondary" })}>
            Show all deliveries
          </Link>
        }
      />
    );
  }
  return (
    // The box scrolls sideways on a phone; it can take the focus so that the keyboard can scroll it too.
    <div role="region" aria-label="Delivery log" tabIndex={0} className="overflow-x-auto rounded-md">
      <Table data-testid="delivery-log" containerClassName="overflow-x-visible" className="min-w-[40rem]">
        <TableCaption className="sr-only">Deliveries to {endpointName}, newest first</TableCaption>
        <THead>
          <TR>
            <TH>Event</TH>
            <TH>Status</TH>
            <TH>Last attempt</TH>
            <TH>Last error or response</TH>
            {canManage && <TH className="text-right">Actions</TH>}
          </TR>
        </THead>
        <TBody>
          {deliveries.map((delivery) => {
            const badge = statusBadges[delivery.status];
            const label = isEventType(delivery.eventType) ? eventTypeLabels[delivery.eventType] : delivery.eventType;
            return (
              <TR key={delivery.id} data-testid="delivery-row" data-status={delivery.status} data-event-type={delivery.eventType}>
                <TD className="min-w-56 align-top">
                  <span className="block font-medium">{label}</span>
                  <code className="block font-mono text-sm">{delivery.eventType}</code>
                  <time className="block text-sm text-fg-muted" dateTime={delivery.createdAt}>
                    {at(delivery.createdAt)}
                  </time>
                  <span className="block text-sm text-fg-muted">
                    webhook-id <code className="font-mono break-all">{delivery.eventId}</code>
                  </span>
                </TD>
                <TD className="align-top">
                  <Badge tone={badge.tone}>
                    {badge.icon} {badge.label}
                  </Badge>
                  {delivery.status === "PENDING" && delivery.nextAttemptAt && (
                    <span className="mt-1 block text-sm text-fg-muted">
                      {delivery.attempts > 0 ? "Retry" : "First attempt"} at <time dateTime={delivery.nextAttemptAt}>{at(delivery.nextAttemptAt)}</time>
                    </span>
                  )}
                </TD>
                <TD className="align-top whitespace-nowrap">
                  <dl className="grid grid-cols-[auto_auto] gap-x-2 text-sm">
                    <dt className="text-fg-muted">Attempts</dt>
                    <dd className="tabular-nums">{delivery.attempts}</dd>
                    <dt className="text-fg-muted">Code</dt>
                    <dd className="tabular-nums">{delivery.lastStatusCode ?? "—"}</dd>
                    <dt className="text-fg-muted">Latency</dt>
                    <dd className="tabular-nums">{delivery.lastLatencyMs === null ? "—" : `${delivery.lastLatencyMs} ms`}</dd>
                  </dl>
                </TD>
                <TD className="max-w-96 min-w-48 align-top">
                  {delivery.lastError && <Excerpt label="Error" text={delivery.lastError} tone="critical" />}
                  {delivery.responseExcerpt && <Excerpt label="Response" text={delivery.responseExcerpt} />}
                  {!delivery.lastError && !delivery.responseExcerpt && <span className="text-fg-muted">—</span>}
                </TD>
                {canManage && (
                  <TD className="text-right align-top">
                    {(delivery.status === "DELIVERED" || delivery.status === "FAILED") && (
                      <RedeliverButton endpointId={endpointId} deliveryId={delivery.id} description={`${delivery.eventType} of ${at(delivery.createdAt)}`} />
                    )}
                  </TD>
                )}
              </TR>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
