"use client";
// Rotates a webhook's signing secret in one dialog: first what rotating does, then the new secret, once.
// One dialog rather than a confirmation followed by another, so the focus never falls back to the page
// between the two steps.
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { formatDateTime } from "@/lib/format";
import { rotateEndpointSecretAction } from "../../actions";
import { SecretValue } from "@/components/settings/signing-secret";

export function RotateSecretDialog({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const [rotated, setRotated] = useState<{ secret: string; previousValidUntil: string | null } | undefined>();

  function changeOpen(next: boolean) {
    if (pending) return;
    setOpen(next);
    // Closing forgets the secret: it is shown this once.
    if (!next) {
      setRotated(undefined);
      setError(undefined);
    }
  }

  function rotate() {
    setError(undefined);
    startTransition(async () => {
      const result = await rotateEndpointSecretAction(id);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setRotated({ secret: result.secret, previousValidUntil: result.previousValidUntil });
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onOpenChange={changeOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <KeyRound aria-hidden="true" /> Rotate secret
        </Button>
      </DialogTrigger>
      {rotated ? (
        <DialogContent title={`New signing secret of “${name}”`} description="Every request is signed with it from now on." size="lg">
          <SecretValue secret={rotated.secret} autoFocus />
          <p className="text-sm">
            The previous secret keeps signing beside it
            {rotated.previousValidUntil ? <> until {formatDateTime(rotated.previousValidUntil)}</> : " for 24 hours"}, so receivers that still have
            it go on verifying until you update them.
          </p>
          <DialogFooter>
            <DialogClose asChild>
              <Button>I have stored it</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent
          title={`Rotate the signing secret of “${name}”?`}
          description="A new secret signs every request from now on. The previous one keeps signing beside it for 24 hours, so you have a day to give your receiver the new one."
          aria-busy={pending || undefined}
        >
          <ErrorAlert message={error} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button onClick={rotate} loading={pending}>
              Rotate secret
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  );
}
