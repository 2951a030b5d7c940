// The home page's list of the team's overdue postmortem action items, each linked to its incident.
import Link from "next/link";
import { CalendarClock, ListChecks } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Actor } from "@/lib/auth/actor";
import { formatDate } from "@/lib/format";
import { listOverdueActionItems } from "@/lib/incidents/postmortems.server";
import { actionItemStatusLabels } from "@/lib/incidents/postmortem";
import { personName } from "@/lib/incidents/serialize";

export async function OverdueActionItems({ actor, teamSlug, now }: { actor: Actor; teamSlug: string; now: Date }) {
  const { items, total } = await listOverdueActionItems(actor, teamSlug, { now, limit: 5 });
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return (
    <Card className="mb-8" data-testid="overdue-action-items">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Overdue action items
          {total > 0 && <Badge tone="warning">{total}</Badge>}
        </CardTitle>
        <CardDescription>Follow-ups from incident postmortems that are past their due date.</CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <EmptyState icon={<ListChecks />} title="Nothing overdue" description="Action items from postmortems show here once they pass their due date." titleAs="h3" className="py-6" />
        ) : (
          <ul className="flex flex-col divide-y divide-border">
            {items.map((item) => {
              const daysLate = Math.round((today - Date.parse(`${item.dueDate}T00:00:00Z`)) / 86_400_000);
              return (
                <li key={item.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
                  <div className="min-w-0">
                    <Link href={`/incidents/${item.incident.id}/postmortem`} className="link font-medium">
                      {item.title}
                    </Link>
                    <p className="text-sm text-fg-muted">
                      {item.incident.reference} {item.incident.title} · {item.owner ? personName(item.owner) : "No owner"} · {actionItemStatusLabels[item.status]}
                    </p>
                  </div>
                  <span className="flex shrink-0 items-center gap-1.5 text-sm font-medium text-warning-fg">
                    <CalendarClock aria-hidden="true" className="size-4" />
                    Due {formatDate(`${item.dueDate}T00:00:00Z`)} ({daysLate} day{daysLate === 1 ? "" : "s"} late)
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {total > items.length && <p className="mt-3 text-sm text-fg-muted">And {total - items.length} more: see each incident&apos;s postmortem.</p>}
      </CardContent>
    </Card>
  );
}
