"use client";
// Rotates a notification webhook's signing secret (components/settings/rotate-secret-dialog.tsx); the
// previous secret keeps signing beside the new one for a while, so receivers can be updated in time.
import { RotateSecretDialog } from "@/components/settings/rotate-secret-dialog";
import { formatDateTime } from "@/lib/format";
import { rotateEndpointSecretAction } from "../../actions";

export function RotateEndpointSecret({ id, name }: { id: string; name: string }) {
  return (
    <RotateSecretDialog
      text={{
        confirmTitle: `Rotate the signing secret of “${name}”?`,
        confirmDescription: "A new secret signs every request from now on. The previous one keeps signing beside it for 24 hours, so you have a day to give your receiver the new one.",
        doneTitle: `New signing secret of “${name}”`,
        doneDescription: "Every request is signed with it from now on.",
      }}
      refresh
      rotate={async () => {
        const result = await rotateEndpointSecretAction(id);
        return result.ok ? { ok: true, value: { secret: result.secret, previousValidUntil: result.previousValidUntil } } : { ok: false, message: result.message };
      }}
      details={({ previousValidUntil }) => (
        <p className="text-sm">
          The previous secret keeps signing beside it
          {previousValidUntil ? <> until {formatDateTime(previousValidUntil)}</> : " for 24 hours"}, so receivers that still have it go on verifying
          until you update them.
        </p>
      )}
    />
  );
}
