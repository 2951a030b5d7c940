"use client";
// Shown when a save collides with someone else's (409): both versions side by side, field by field, and
// a choice: keep mine (re-applied on top of theirs) or take theirs. Nothing is lost either way until chosen.
import { TriangleAlert } from "lucide-react";
import type { AnyRoleDefinition, FormValues } from "@/lib/agents/types";
import { diffInputs } from "@/lib/requests/diff";
import type { ConflictDetails } from "@/lib/requests/schema";
import { formatDateTime } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

/** What the other side saved: the autosaved draft when it belongs to the current revision, else the revision. */
export function theirVersion(details: ConflictDetails): FormValues {
  if (details.draft && (details.status === "DRAFT" || details.reason === "stale_version")) return details.draft;
  return details.input ?? details.draft ?? {};
}

export function ConflictPanel({
  role,
  details,
  mine,
  onKeepMine,
  onUseTheirs,
}: {
  role: AnyRoleDefinition;
  details: ConflictDetails;
  mine: FormValues;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  const theirs = theirVersion(details);
  const differences = diffInputs(role, theirs, mine);
  const who = details.updatedBy?.name ?? details.updatedBy?.email ?? "Someone";
  return (
    <section aria-labelledby="conflict-title" role="alert" className="mb-6 flex flex-col gap-4 rounded-md border-2 border-warning bg-warning-soft/40 p-5">
      <div className="flex items-start gap-3">
        <TriangleAlert aria-hidden="true" className="mt-1 size-6 shrink-0 text-warning-fg" />
        <div className="flex flex-col gap-1">
          <h2 id="conflict-title" className="text-xl font-semibold">
            {who} changed this request while you were editing
          </h2>
          <p className="text-base text-fg">
            {details.reason === "stale_revision"
              ? `Revision ${details.currentRevision} was saved ${formatDateTime(details.updatedAt)}. `
              : `Their changes were saved ${formatDateTime(details.updatedAt)}. `}
            Your answers are still here. Compare them and choose which version to continue with.
          </p>
        </div>
      </div>
      {differences.length === 0 ? (
        <p className="text-base">Both versions have the same answers; keeping yours changes nothing.</p>
      ) : (
        <Table>
          <THead>
            <TR>
              <TH>Field</TH>
              <TH>Saved version ({who})</TH>
              <TH>Your version</TH>
            </TR>
          </THead>
          <TBody>
            {differences.map((entry) => (
              <TR key={entry.key}>
                <TD className="font-medium">{entry.label}</TD>
                <TD className="break-words">{entry.before}</TD>
                <TD className="break-words">{entry.after}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={onKeepMine}>Keep my version</Button>
        <Button variant="secondary" onClick={onUseTheirs}>
          Use the saved version
        </Button>
      </div>
    </section>
  );
}
