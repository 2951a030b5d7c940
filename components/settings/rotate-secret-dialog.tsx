"use client";
// Rotates a secret in one dialog: first what rotating does, then the new secret, shown once. One dialog
// rather than a confirmation followed by another, so the focus never falls back to the page between the
// two steps. Used for the notification webhooks' signing secrets and the deployment receivers' secrets.
import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import { SecretValue } from "@/components/settings/signing-secret";

export type RotateResult<T extends { secret: string }> = { ok: true; value: T } | { ok: false; message: string };

export function RotateSecretDialog<T extends { secret: string }>({
  rotate,
  text,
  help,
  details,
  refresh = false,
}: {
  rotate: () => Promise<RotateResult<T>>;
  text: { confirmTitle: string; confirmDescription: string; doneTitle: string; doneDescription: string };
  /** Under the secret, e.g. where to store it. */
  help?: string;
  /** More about the rotation, under the secret. */
  details?: (value: T) => ReactNode;
  /** Refresh the page after rotating (when it shows something the rotation changed). */
  refresh?: boolean;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();
  const [rotated, setRotated] = useState<T | undefined>();

  function changeOpen(next: boolean) {
    // While rotating the dialog stays; once the secret shows it may close even if a refresh is pending.
    if (pending && !rotated) return;
    setOpen(next);
    // Closing forgets the secret: it is shown this once.
    if (!next) {
      setRotated(undefined);
      setError(undefined);
    }
  }

  function run() {
    setError(undefined);
    startTransition(async () => {
      const result = await rotate();
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setRotated(result.value);
      if (refresh) router.refresh();
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
        <DialogContent title={text.doneTitle} description={text.doneDescription} size="lg">
          <SecretValue secret={rotated.secret} autoFocus help={help} />
          {details?.(rotated)}
          <DialogFooter>
            <DialogClose asChild>
              <Button>I have stored it</Button>
            </DialogClose>
          </DialogFooter>
        </DialogContent>
      ) : (
        <DialogContent title={text.confirmTitle} description={text.confirmDescription} aria-busy={pending || undefined}>
          <ErrorAlert message={error} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button onClick={run} loading={pending}>
              Rotate secret
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </Dialog>
  );
}
