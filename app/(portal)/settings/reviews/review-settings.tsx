"use client";
// Review settings: a table of members with their reviewer kinds (checkboxes for maintainers and owners),
// and a table of the ten roles with the approvals each needs (edited in a dialog, one count per kind).
import { Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { roleLabels } from "@/lib/auth/roles";
import type { TeamRole } from "@/lib/generated/prisma/browser";
import {
  MAX_REQUIRED_PER_KIND,
  designatedReviewerKinds,
  reviewerKindDescriptions,
  reviewerKindLabel,
  reviewerKinds,
  type DesignatedReviewerKind,
  type ReviewSettings,
} from "@/lib/reviews/schema";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFormFooter } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { setRequiredApprovalsAction, setReviewerKindsAction } from "./actions";

const shortKind = (kind: string) => reviewerKindLabel(kind).replace(/ reviewer$/, "");

export function ReviewersTable({ settings, currentUserId }: { settings: ReviewSettings; currentUserId: string | null }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();

  function toggle(member: ReviewSettings["members"][number], kind: DesignatedReviewerKind, on: boolean) {
    const current = member.kinds.filter((held): held is DesignatedReviewerKind => (designatedReviewerKinds as readonly string[]).includes(held));
    const kinds = on ? [...current, kind] : current.filter((held) => held !== kind);
    startTransition(async () => {
      const result = await setReviewerKindsAction(settings.team.slug, { userId: member.person.id, kinds });
      if (result.ok) toast({ title: `${member.person.name ?? member.person.email} ${on ? "now reviews" : "no longer reviews"} ${shortKind(kind).toLowerCase()}`, tone: "healthy" });
      else toast({ title: "Not changed", description: result.message, tone: "critical" });
      router.refresh();
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Reviewers</CardTitle>
        <CardDescription>
          Maintainers and owners review every request as “maintainer”. Mark members as reviewers of a kind so that their approvals count where a role needs that
          kind. Viewers cannot review.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table aria-busy={pending || undefined} data-testid="reviewers-table">
          <TableCaption className="sr-only">Reviewer kinds per member</TableCaption>
          <THead>
            <TR>
              <TH>Member</TH>
              {designatedReviewerKinds.map((kind) => (
                <TH key={kind} className="px-2 text-center" title={reviewerKindDescriptions[kind]}>
                  {shortKind(kind)}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {settings.members.map((member) => (
              <TR key={member.person.id} data-email={member.person.email}>
                <TD>
                  <span className="font-medium">{member.person.name ?? member.person.email}</span>
                  {member.person.id === currentUserId && <span className="ml-2 text-sm text-fg-muted">(you)</span>}
                  <span className="block text-sm text-fg-muted">{member.person.email}</span>
                  <span className="block text-sm text-fg-muted">{roleLabels[member.role as TeamRole] ?? member.role}</span>
                </TD>
                {designatedReviewerKinds.map((kind) => {
                  const held = member.kinds.includes(kind);
                  const label = `${member.person.name ?? member.person.email}: ${reviewerKindLabel(kind).toLowerCase()}`;
                  return (
                    <TD key={kind} className="px-2 text-center">
                      {settings.canManage && member.role !== "VIEWER" ? (
                        <span className="inline-flex justify-center">
                          <Checkbox checked={held} aria-label={label} disabled={pending} onCheckedChange={(value) => toggle(member, kind, value === true)} />
                        </span>
                      ) : held ? (
                        <Badge tone="info" aria-label={label}>
                          Yes
                        </Badge>
                      ) : (
                        <span className="text-fg-muted" aria-label={`${label}: no`}>
                          —
                        </span>
                      )}
                    </TD>
                  );
                })}
              </TR>
            ))}
          </TBody>
        </Table>
      </CardContent>
    </Card>
  );
}

type Requirement = ReviewSettings["requirements"][number];

export function RequiredApprovalsTable({ settings }: { settings: ReviewSettings }) {
  const [editing, setEditing] = useState<Requirement | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Required approvals</CardTitle>
        <CardDescription>
          A request is approved automatically, on its current revision, once every approval its role needs is in; a new revision resets them. A role with
          nothing configured needs one approval by a maintainer or owner.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Table data-testid="requirements-table">
          <TableCaption className="sr-only">Approvals needed per role</TableCaption>
          <THead>
            <TR>
              <TH>Role</TH>
              <TH>Needs</TH>
              {settings.canManage && <TH className="text-right">Actions</TH>}
            </TR>
          </THead>
          <TBody>
            {settings.requirements.map((requirement) => (
              <TR key={requirement.role.key} data-role={requirement.role.key}>
                <TD className="font-medium">{requirement.role.title}</TD>
                <TD>
                  <span className="flex flex-wrap items-center gap-2">
                    {requirement.rules.map((rule) => (
                      <Badge key={rule.reviewerKind} tone={requirement.usesDefault ? "neutral" : "info"}>
                        {rule.count} × {reviewerKindLabel(rule.reviewerKind).toLowerCase()}
                      </Badge>
                    ))}
                    {requirement.usesDefault && <span className="text-sm text-fg-muted">default</span>}
                  </span>
                </TD>
                {settings.canManage && (
                  <TD className="text-right">
                    <Button variant="secondary" size="sm" onClick={() => setEditing(requirement)} aria-label={`Edit the approvals ${requirement.role.title} requests need`}>
                      <Pencil aria-hidden="true" /> Edit
                    </Button>
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      </CardContent>
      {editing && <RequirementDialog key={editing.role.key} team={settings.team.slug} requirement={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

function RequirementDialog({ team, requirement, onClose }: { team: string; requirement: Requirement; onClose: () => void }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(reviewerKinds.map((kind) => [kind, String(requirement.usesDefault ? 0 : (requirement.rules.find((rule) => rule.reviewerKind === kind)?.count ?? 0))])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | undefined>();

  function save(rules: { reviewerKind: string; count: number }[]) {
    startTransition(async () => {
      const result = await setRequiredApprovalsAction(team, { role: requirement.role.key, rules: rules as never });
      if (result.ok) {
        toast({ title: `Approvals for ${requirement.role.title} saved`, tone: "healthy" });
        router.refresh();
        onClose();
        return;
      }
      // Issues come as rules.<index>.<field>: show them on the kind they are about.
      const next: Record<string, string> = {};
      for (const [path, text] of Object.entries(result.fieldErrors)) {
        const index = Number(path.split(".")[1]);
        const kind = rules[index]?.reviewerKind;
        if (kind) next[kind] = text;
      }
      setErrors(next);
      setMessage(Object.keys(next).length ? undefined : result.message);
    });
  }

  const rules = reviewerKinds.map((kind) => ({ reviewerKind: kind, count: Number(counts[kind] || 0) })).filter((rule) => rule.count !== 0 || Number.isNaN(rule.count));

  return (
    <Dialog open onOpenChange={(next) => !next && !pending && onClose()}>
      <DialogContent
        title={`Approvals for ${requirement.role.title}`}
        description="How many approvals of each reviewer kind a request for this role needs. Leave every count at 0 to use the default (one maintainer or owner)."
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save(rules);
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            {reviewerKinds.map((kind) => (
              <Field key={kind} id={`required-${kind}`} label={reviewerKindLabel(kind)} error={errors[kind]} help={reviewerKindDescriptions[kind]}>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_REQUIRED_PER_KIND}
                  step={1}
                  value={counts[kind]}
                  onChange={(event) => {
                    setCounts((current) => ({ ...current, [kind]: event.target.value }));
                    setErrors((current) => ({ ...current, [kind]: "" }));
                  }}
                />
              </Field>
            ))}
          </div>
          {message && (
            <p role="alert" className="rounded-md bg-critical-soft p-3 text-sm text-critical-fg">
              {message}
            </p>
          )}
          <DialogFormFooter pending={pending} submitLabel="Save" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
