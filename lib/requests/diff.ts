// A field-by-field diff of two inputs of one role: labels from the role's field metadata, values as people
// read them, group items compared by position. Pure; the History tab shows it between any two revisions.
import type { AnyRoleDefinition, FieldMeta, FormValues } from "@/lib/agents/types";
import { answerText, describeAnswer } from "@/lib/requests/answers";
import { deepEqual, getIn, parsePath, stepOf } from "@/lib/agents/form-logic";

export type DiffChange = "added" | "removed" | "changed";

export interface DiffEntry {
  /** The dotted path of what changed, e.g. "tiers.1.hosts". */
  key: string;
  /** What a person reads, e.g. "Subnet tiers › #2 › Hosts per subnet". */
  label: string;
  /** The title of the form step the field is on. */
  step: string;
  change: DiffChange;
  /** The old and new answers as text; "—" when there was none. */
  before: string;
  after: string;
}

const isAbsent = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

const asRecord = (value: unknown): FormValues => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as FormValues) : {});

function changeOf(before: unknown, after: unknown): DiffChange {
  if (isAbsent(before)) return "added";
  if (isAbsent(after)) return "removed";
  return "changed";
}

function fieldEntry(
  field: FieldMeta,
  key: string,
  label: string,
  step: string,
  before: { value: unknown; scope: FormValues; form: FormValues },
  after: { value: unknown; scope: FormValues; form: FormValues },
): DiffEntry | undefined {
  if (deepEqual(before.value, after.value) || (isAbsent(before.value) && isAbsent(after.value))) return undefined;
  return {
    key,
    label,
    step,
    change: changeOf(before.value, after.value),
    before: answerText(describeAnswer(field, before.value, before.scope, before.form)),
    after: answerText(describeAnswer(field, after.value, after.scope, after.form)),
  };
}

export function diffInputs(role: AnyRoleDefinition, beforeInput: unknown, afterInput: unknown): DiffEntry[] {
  const before = asRecord(beforeInput);
  const after = asRecord(afterInput);
  const stepTitles = new Map(role.steps.map((step) => [step.id, step.title]));
  const entries: DiffEntry[] = [];

  for (const field of role.fields) {
    const step = stepTitles.get(stepOf(role, field)) ?? "";
    const oldValue = getIn(before, field.path);
    const newValue = getIn(after, field.path);
    if (field.widget !== "group" || !Array.isArray(oldValue) || !Array.isArray(newValue)) {
      const entry = fieldEntry(field, field.path, field.label, step, { value: oldValue, scope: before, form: before }, { value: newValue, scope: after, form: after });
      if (entry) entries.push(entry);
      continue;
    }
    // Both sides are lists of items: compare item by item, field by field.
    const length = Math.max(oldValue.length, newValue.length);
    for (let index = 0; index < length; index++) {
      const itemLabel = `${field.label} › #${index + 1}`;
      const itemKey = `${field.path}.${index}`;
      if (index >= oldValue.length || index >= newValue.length) {
        const added = index >= oldValue.length;
        const item = asRecord(added ? newValue[index] : oldValue[index]);
        const text = answerText(describeAnswer(field, [item], after, added ? after : before)).replace(/^#1: /, "");
        entries.push({ key: itemKey, label: itemLabel, step, change: added ? "added" : "removed", before: added ? "—" : text, after: added ? text : "—" });
        continue;
      }
      const oldItem = asRecord(oldValue[index]);
      const newItem = asRecord(newValue[index]);
      for (const itemField of field.itemFields ?? []) {
        const entry = fieldEntry(
          itemField,
          `${itemKey}.${itemField.path}`,
          `${itemLabel} › ${itemField.label}`,
          step,
          { value: getIn(oldItem, itemField.path), scope: oldItem, form: before },
          { value: getIn(newItem, itemField.path), scope: newItem, form: after },
        );
        if (entry) entries.push(entry);
      }
      // Keys of the item that no item field describes still count as changes.
      entries.push(...undescribedChanges(oldItem, newItem, field.itemFields ?? [], itemKey, itemLabel, step));
    }
  }
  entries.push(...undescribedChanges(before, after, role.fields, "", "", ""));
  return entries;
}

/** Changes under top-level keys that no field describes (older schemas, API clients): shown by key. */
function undescribedChanges(before: FormValues, after: FormValues, fields: FieldMeta[], keyPrefix: string, labelPrefix: string, step: string): DiffEntry[] {
  const described = new Set(fields.map((field) => String(parsePath(field.path)[0])));
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !described.has(key)).sort();
  const format = (value: unknown) => (isAbsent(value) ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));
  return keys
    .filter((key) => !deepEqual(before[key], after[key]) && !(isAbsent(before[key]) && isAbsent(after[key])))
    .map((key) => ({
      key: keyPrefix ? `${keyPrefix}.${key}` : key,
      label: labelPrefix ? `${labelPrefix} › ${key}` : key,
      step,
      change: changeOf(before[key], after[key]),
      before: format(before[key]),
      after: format(after[key]),
    }));
}
