"use client";
// A webhook's signing secret, the one time the portal shows it: after creating an endpoint or receiver and
// after a rotation (Settings → Notifications and → Deployments). It lives only in this component's props;
// nothing stores or logs it.
import { Copy } from "lucide-react";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

/** The secret in a read-only box (select it, or use Copy) and what to do with it. */
export function SecretValue({ secret, autoFocus, help }: { secret: string; autoFocus?: boolean; help?: ReactNode }) {
  const { toast } = useToast();
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <Field id={`${id}-secret`} label="Signing secret" className="min-w-0 flex-1">
          <Input
            readOnly
            value={secret}
            autoFocus={autoFocus}
            autoComplete="off"
            spellCheck={false}
            className="font-mono text-sm"
            onFocus={(event) => event.currentTarget.select()}
          />
        </Field>
        <Button
          variant="secondary"
          aria-label="Copy the signing secret"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret);
              toast({ title: "Signing secret copied", tone: "healthy" });
            } catch {
              // Clipboard access can be refused (permissions, an insecure origin); selecting still works.
              toast({ title: "Could not copy", description: "Select the secret in the box and copy it yourself.", tone: "warning" });
            }
          }}
        >
          <Copy aria-hidden="true" /> Copy
        </Button>
      </div>
      <p className="text-sm text-fg-muted">
        {help ?? (
          <>
            Store it now, in your receiver&apos;s secret store: it is not shown again. Verify each request&apos;s <code className="font-mono">webhook-signature</code>{" "}
            header with it, using any Standard Webhooks library, e.g. <code className="font-mono">new Webhook(secret).verify(body, headers)</code>.
          </>
        )}
      </p>
    </div>
  );
}

/** The panel shown once after creating a webhook; it takes the focus so that it is not missed. */
export function SigningSecretPanel({ title, secret, children, help, onDismiss }: { title: string; secret: string; children?: ReactNode; help?: ReactNode; onDismiss: () => void }) {
  const panel = useRef<HTMLElement>(null);
  const headingId = useId();
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-md border-2 border-warning/60 bg-warning-soft/40 p-4"
      data-testid="signing-secret-panel"
    >
      <h3 id={headingId} className="text-lg font-semibold">
        {title}
      </h3>
      {children}
      <SecretValue secret={secret} help={help} />
      <div>
        <Button onClick={onDismiss}>I have stored it</Button>
      </div>
    </section>
  );
}
