// The owners' banner: notification endpoints of their teams that the portal paused after repeated
// failures. Shown above every page until someone resumes them, since nothing reaches those receivers
// meanwhile. Presentational and server-safe; renders nothing when there is nothing paused.
import Link from "next/link";
import { CirclePause } from "lucide-react";
import { formatDateTime } from "@/lib/format";
import { PAUSE_AFTER_CONSECUTIVE_FAILURES } from "@/lib/notifications/schema";

export interface PausedEndpoint {
  id: string;
  name: string;
  team: { slug: string; name: string };
  pausedAt: string;
}

export function PausedEndpointsBanner({ endpoints }: { endpoints: readonly PausedEndpoint[] }) {
  if (endpoints.length === 0) return null;
  const one = endpoints.length === 1;
  return (
    <div
      role="alert"
      className="no-print mb-6 flex items-start gap-3 rounded-md border-2 border-critical/50 bg-critical-soft px-4 py-3 text-critical-fg"
      data-testid="paused-endpoints-banner"
    >
      <CirclePause aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold">{one ? "A notification endpoint is paused" : `${endpoints.length} notification endpoints are paused`}</p>
        <p className="text-sm">
          {one ? "It" : "They"} failed {PAUSE_AFTER_CONSECUTIVE_FAILURES} times in a row, so nothing is sent to {one ? "it" : "them"} until someone resumes{" "}
          {one ? "it" : "them"}. Open {one ? "it" : "one"} to see the errors and resume.
        </p>
        <ul className="flex flex-col gap-0.5 text-sm">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id}>
              <Link href={`/settings/notifications/${endpoint.id}`} className="font-semibold text-critical-fg underline underline-offset-4">
                {endpoint.name}
              </Link>{" "}
              in {endpoint.team.name}, paused since <time dateTime={endpoint.pausedAt}>{formatDateTime(endpoint.pausedAt)}</time>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
