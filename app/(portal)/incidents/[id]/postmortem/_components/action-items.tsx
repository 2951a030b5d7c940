"use client";
// The incident's action items: owner, due date and status, editable in place; overdue ones stand out.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ListChecks, Plus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TBody, TD, TH, THead, TR, Table, TableCaption } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ActionItemStatus } from "@/lib/generated/prisma/browser";
import type { ActionItemJson, PersonJson } from "@/lib/incidents/api-schemas";
import { ActionFailure, unwrap } from "@/lib/forms/action-result";
import { actionItemStatusLabels } from "@/lib/incidents/postmortem";
import { incidentKeys } from "@/lib/incidents/query-keys";
import type { UpdateActionItemInput } from "@/lib/incidents/schema";
import { personName } from "@/lib/incidents/serialize";
import { createActionItemAction, updateActionItemAction } from "../actions";

const statuses = Object.keys(actionItemStatusLabels) as ActionItemStatus[];

export function ActionItems({ incidentId, items, responders, canEdit, hasPostmortem }: { incidentId: string; items: ActionItemJson[]; responders: PersonJson[]; canEdit: boolean; hasPostmortem: boolean }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const { toast } = useToast();
  // With a postmortem, items are part of its query; without one, the page's server data holds them.
  const refresh = () => (hasPostmortem ? queryClient.invalidateQueries({ queryKey: incidentKeys.postmortem(incidentId), exact: true }) : router.refresh());
  const update = useMutation({
    mutationFn: async (input: { itemId: string; change: UpdateActionItemInput }) => unwrap(await updateActionItemAction(incidentId, input.itemId, input.change)),
    onSuccess: () => refresh(),
    onError: (error) => toast({ title: "Action item not changed", description: error.message, tone: "critical" }),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Action items</CardTitle>
        <CardDescription>Follow-ups with an owner and a due date. Open items past their date show on the team&apos;s home page.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {items.length === 0 ? (
          <EmptyState icon={<ListChecks />} title="No action items yet" description={canEdit ? "Add what should change so this does not happen again, with an owner and a due date." : "None were recorded."} titleAs="h3" className="py-8" />
        ) : (
          <Table data-testid="action-items">
            <TableCaption className="sr-only">Action items</TableCaption>
            <THead>
              <TR>
                <TH>Action</TH>
                <TH className="w-56">Owner</TH>
                <TH className="w-48">Due</TH>
                <TH className="w-44">Status</TH>
              </TR>
            </THead>
            <TBody>
              {items.map((item) => (
                <TR key={item.id}>
                  <TD className="font-medium">
                    {item.title}
                    {item.overdue && (
                      <Badge tone="warning" className="ml-2">
                        Overdue
                      </Badge>
                    )}
                  </TD>
                  <TD>
                    {canEdit ? (
                      <Select aria-label={`Owner of “${item.title}”`} value={item.owner?.id ?? ""} onChange={(event) => update.mutate({ itemId: item.id, change: { ownerId: event.target.value || null } })}>
                        <option value="">No owner</option>
                        {responders.map((person) => (
                          <option key={person.id} value={person.id}>
                            {personName(person)}
                          </option>
                        ))}
                      </Select>
                    ) : item.owner ? (
                      personName(item.owner)
                    ) : (
                      "No owner"
                    )}
                  </TD>
                  <TD>
                    {canEdit ? (
                      <Input type="date" aria-label={`Due date of “${item.title}”`} defaultValue={item.dueDate ?? ""} onBlur={(event) => event.target.value !== (item.dueDate ?? "") && update.mutate({ itemId: item.id, change: { dueDate: event.target.value } })} />
                    ) : (
                      (item.dueDate ?? "No date")
                    )}
                  </TD>
                  <TD>
                    {canEdit ? (
                      <Select aria-label={`Status of “${item.title}”`} value={item.status} onChange={(event) => update.mutate({ itemId: item.id, change: { status: event.target.value as ActionItemStatus } })}>
                        {statuses.map((status) => (
                          <option key={status} value={status}>
                            {actionItemStatusLabels[status]}
                          </option>
                        ))}
                      </Select>
                    ) : (
                      actionItemStatusLabels[item.status]
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {canEdit && <AddActionItem incidentId={incidentId} responders={responders} onAdded={refresh} />}
      </CardContent>
    </Card>
  );
}

function AddActionItem({ incidentId, responders, onAdded }: { incidentId: string; responders: PersonJson[]; onAdded: () => unknown }) {
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const create = useMutation({
    mutationFn: async () => unwrap(await createActionItemAction(incidentId, { title, ownerId, dueDate })),
    onSuccess: () => {
      setTitle("");
      setDueDate("");
      onAdded();
    },
  });
  const errors = create.error instanceof ActionFailure ? create.error.fieldErrors : {};
  return (
    <form
      aria-label="Add an action item"
      className="grid items-start gap-3 md:grid-cols-[1fr_14rem_11rem_auto]"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <Field id="action-title" label="New action item" error={errors.title ?? (Object.keys(errors).length === 0 ? create.error?.message : undefined)}>
        <Input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="e.g. Alert on card-payment failures per region" maxLength={200} />
      </Field>
      <Field id="action-owner" label="Owner" error={errors.ownerId}>
        <Select value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
          <option value="">No owner yet</option>
          {responders.map((person) => (
            <option key={person.id} value={person.id}>
              {personName(person)}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="action-due" label="Due" error={errors.dueDate}>
        <Input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
      </Field>
      <Button type="submit" variant="secondary" className="md:mt-7" loading={create.isPending}>
        <Plus aria-hidden="true" /> Add
      </Button>
    </form>
  );
}
