"use client";
// The team's endpoints, sortable: name (to its page), kind, the shortened URL, events, state, last delivery.
import Link from "next/link";
import { BellRing } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { SortableHeader, TBody, TD, TH, THead, TR, Table, TableCaption, useSortableRows } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { EndpointKindValue } from "@/lib/notifications/schema";
import { eventTypeLabels, type EventType } from "@/lib/outbox/events";
import { EndpointStateBadge, type EndpointState } from "./endpoint-state-badge";

export interface EndpointRow {
  id: string;
  kind: EndpointKindValue;
  name: string;
  url: string;
  eventTypes: EventType[];
  state: EndpointState;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
}

const kindNames: Record<EndpointKindValue, string> = { WEBHOOK: "Webhook", SLACK: "Slack" };
// Problems first: paused, then disabled, then active.
const stateOrder: Record<EndpointState, number> = { paused: 0, disabled: 1, active: 2 };
const accessors = {
  state: (row: EndpointRow) => stateOrder[row.state],
  events: (row: EndpointRow) => row.eventTypes.length,
};

export function EndpointsTable({ endpoints, canManage }: { endpoints: EndpointRow[]; canManage: boolean }) {
  const { rows, headerProps } = useSortableRows<EndpointRow, "name" | "kind" | "events" | "state" | "lastDeliveryAt">(endpoints, "name", "asc", accessors);
  if (endpoints.length === 0) {
    return (
      <EmptyState
        icon={<BellRing />}
        title="No notification endpoints yet"
        description={
          canManage
            ? "Add one above: a webhook gets the events you choose as signed JSON; a Slack incoming webhook posts them to a channel. Then send it a test event from its page."
            : "Ask a maintainer or owner of the team to add one; it will show here with its delivery log."
        }
      />
    );
  }
  return (
    // The box scrolls sideways on a phone; it can take the focus so that the keyboard can scroll it too.
    <div role="region" aria-label="Notification endpoints" tabIndex={0} className="overflow-x-auto rounded-md">
      <Table data-testid="endpoints-table" containerClassName="overflow-x-visible" className="min-w-[44rem]">
        <TableCaption className="sr-only">Notification endpoints of the team</TableCaption>
        <THead>
          <TR>
            <SortableHeader {...headerProps("name")}>Name</SortableHeader>
            <SortableHeader {...headerProps("kind")}>Kind</SortableHeader>
            <TH>URL</TH>
            <SortableHeader {...headerProps("events")}>Events</SortableHeader>
            <SortableHeader {...headerProps("state")}>State</SortableHeader>
            <SortableHeader {...headerProps("lastDeliveryAt")}>Last delivery</SortableHeader>
          </TR>
        </THead>
        <TBody>
          {rows.map((endpoint) => (
            <TR key={endpoint.id} data-testid={`endpoint-${endpoint.id}`}>
              <TD className="min-w-40 align-top">
                <Link href={`/settings/notifications/${endpoint.id}`} className="font-semibold text-fg underline-offset-4 hover:underline">
                  {endpoint.name}
                </Link>
              </TD>
              <TD className="align-top whitespace-nowrap">{kindNames[endpoint.kind]}</TD>
              <TD className="max-w-72 align-top font-mono text-sm break-all">{endpoint.url}</TD>
              <TD className="min-w-44 align-top">
                <details>
                  <summary className="cursor-pointer rounded-sm">
                    {endpoint.eventTypes.length} event{endpoint.eventTypes.length === 1 ? "" : "s"}
                  </summary>
                  <ul className="mt-1 flex flex-col gap-0.5 text-sm">
                    {endpoint.eventTypes.map((type) => (
                      <li key={type}>{eventTypeLabels[type] ?? type}</li>
                    ))}
                  </ul>
                </details>
              </TD>
              <TD className="align-top">
                <EndpointStateBadge state={endpoint.state} consecutiveFailures={endpoint.consecutiveFailures} />
              </TD>
              <TD className="align-top whitespace-nowrap">
                {endpoint.lastDeliveryAt ? <time dateTime={endpoint.lastDeliveryAt}>{formatDateTime(endpoint.lastDeliveryAt)}</time> : "Never"}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
