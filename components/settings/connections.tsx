"use client";
// The shared part of the settings pages that keep connections to other systems (Settings → Data sources,
// Settings → Repositories): the add form, and the list of cards with their details, the last check, and for
// maintainers and owners Edit (a dialog with the same form), Delete (confirmed) and a test that shows every
// check. Each page gives its form, its details and its actions; nothing here knows what it connects to.
import { CheckCircle2, Pencil, PlugZap, Trash2, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ComponentType, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog, Dialog, DialogContent, DialogFormFooter, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/forms/action-result";
import { formatRelative } from "@/lib/format";

/** What every connection shows: a name and the outcome of its last test. */
export interface Connection {
  id: string;
  name: string;
  lastCheckedAt: string | null;
  lastCheckOk: boolean | null;
}

export interface ConnectionCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The props of a connection's add-or-edit form. */
export interface ConnectionFormProps<T> {
  idPrefix: string;
  existing?: T;
  submitLabel: string;
  onSubmit: (input: Record<string, unknown>) => Promise<ActionResult<T>>;
  onSaved: (saved: T) => void;
  footer?: (pending: boolean) => ReactNode;
}

/** The add form: a fresh form after each success, a toast, and the page refreshed. */
export function AddConnection<T extends Connection>({
  Form,
  idPrefix,
  submitLabel,
  create,
  addedDescription,
}: {
  Form: ComponentType<ConnectionFormProps<T>>;
  idPrefix: string;
  submitLabel: string;
  create: (input: Record<string, unknown>) => Promise<ActionResult<T>>;
  addedDescription: string;
}) {
  const router = useRouter();
  const { toast } = useToast();
  const [round, setRound] = useState(0);
  return (
    <Form
      key={round}
      idPrefix={idPrefix}
      submitLabel={submitLabel}
      onSubmit={create}
      onSaved={(saved) => {
        toast({ title: `Added “${saved.name}”`, description: addedDescription, tone: "healthy" });
        setRound((value) => value + 1);
        router.refresh();
      }}
    />
  );
}

export interface ConnectionsListProps<T extends Connection> {
  items: T[];
  canManage: boolean;
  /** The list's accessible name, e.g. "Data sources". */
  label: string;
  icon: ComponentType<{ className?: string; "aria-hidden"?: boolean | "true" }>;
  /** `data-testid` of each card: `${testIdPrefix}-${id}`. */
  testIdPrefix: string;
  empty: { title: string; description: string };
  /** The badge of the last test: passed and failed. */
  checkLabels: { ok: string; failed: string };
  /** The card's details, as term and description. */
  details: (item: T) => { term: string; description: ReactNode; mono?: boolean }[];
  Form: ComponentType<ConnectionFormProps<T>>;
  update: (id: string, input: Record<string, unknown>) => Promise<ActionResult<T>>;
  remove: { run: (id: string) => Promise<ActionResult<null>>; description: string; confirmLabel: string };
  test: { label: string; reportLabel: (item: T) => string; reportTestId: string; run: (id: string) => Promise<ActionResult<{ checks: ConnectionCheck[] }>> };
}

export function ConnectionsList<T extends Connection>({ items, canManage, label, icon: Icon, testIdPrefix, empty, checkLabels, details, Form, update, remove, test }: ConnectionsListProps<T>) {
  const router = useRouter();
  const { toast } = useToast();
  if (items.length === 0) return <EmptyState icon={<Icon />} title={empty.title} description={empty.description} />;
  return (
    <ul className="flex flex-col gap-4" aria-label={label}>
      {items.map((item) => (
        <li key={item.id}>
          <Card data-testid={`${testIdPrefix}-${item.id}`}>
            <CardHeader className="flex flex-col gap-2 md:flex-row md:items-start md:justify-between">
              <CardTitle as="h3" className="flex items-center gap-2 text-xl break-words">
                <Icon aria-hidden="true" className="size-5 shrink-0" /> {item.name}
              </CardTitle>
              {item.lastCheckedAt && (
                <Badge tone={item.lastCheckOk ? "healthy" : "critical"}>
                  {item.lastCheckOk ? checkLabels.ok : checkLabels.failed} · {formatRelative(item.lastCheckedAt)}
                </Badge>
              )}
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl className="grid gap-x-6 gap-y-1 text-base md:grid-cols-[auto_minmax(0,1fr)]">
                {details(item).map((detail) => (
                  <div key={detail.term} className="contents">
                    <dt className="text-fg-muted">{detail.term}</dt>
                    <dd className={detail.mono ? "font-mono break-all" : "break-words"}>{detail.description}</dd>
                  </div>
                ))}
              </dl>
              {canManage && (
                <div className="flex flex-col gap-3">
                  <div className="flex flex-wrap gap-2">
                    <EditConnection item={item} Form={Form} update={update} />
                    <ConfirmDialog
                      trigger={
                        <Button variant="danger">
                          <Trash2 aria-hidden="true" /> Delete
                        </Button>
                      }
                      title={`Delete “${item.name}”?`}
                      description={remove.description}
                      confirmLabel={remove.confirmLabel}
                      onConfirm={async () => {
                        const result = await remove.run(item.id);
                        if (!result.ok) throw new Error(result.message);
                        toast({ title: `Deleted “${item.name}”`, tone: "healthy" });
                        router.refresh();
                      }}
                    />
                  </div>
                  <TestConnection item={item} {...test} />
                </div>
              )}
            </CardContent>
          </Card>
        </li>
      ))}
    </ul>
  );
}

function EditConnection<T extends Connection>({ item, Form, update }: { item: T; Form: ComponentType<ConnectionFormProps<T>>; update: ConnectionsListProps<T>["update"] }) {
  const router = useRouter();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Pencil aria-hidden="true" /> Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit “${item.name}”`} size="lg">
        <Form
          idPrefix={`edit-${item.id}`}
          existing={item}
          submitLabel="Save"
          onSubmit={(input) => update(item.id, input)}
          onSaved={(saved) => {
            setOpen(false);
            toast({ title: `Saved “${saved.name}”`, tone: "healthy" });
            router.refresh();
          }}
          footer={(pending) => <DialogFormFooter pending={pending} submitLabel="Save" />}
        />
      </DialogContent>
    </Dialog>
  );
}

function TestConnection<T extends Connection>({ item, label, reportLabel, reportTestId, run }: { item: T } & ConnectionsListProps<T>["test"]) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [checks, setChecks] = useState<ConnectionCheck[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          variant="secondary"
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await run(item.id);
              if (result.ok) {
                setChecks(result.data.checks);
                setError(null);
              } else setError(result.message);
              router.refresh();
            })
          }
        >
          {!pending && <PlugZap aria-hidden="true" />} {label}
        </Button>
      </div>
      <div aria-live="polite">
        {error && <p className="text-critical-fg">{error}</p>}
        {checks && (
          <ul className="flex flex-col gap-1" aria-label={reportLabel(item)} data-testid={reportTestId}>
            {checks.map((check) => (
              <li key={check.name} className="flex items-start gap-2">
                {check.ok ? <CheckCircle2 aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-healthy" /> : <XCircle aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-critical" />}
                <span>
                  <span className="font-semibold">
                    {check.name}: {check.ok ? "passed" : "failed"}
                  </span>{" "}
                  <span className="break-words text-fg-muted">— {check.detail}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
