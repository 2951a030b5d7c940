// A request's answers as people read them: labels instead of field paths, option labels instead of raw
// enum values, units after numbers, grouped by the form's steps. Used by the review step, the
// Requirements tab and the revision diff.
import type { AnyRoleDefinition, FieldMeta, FormStep, FormValues } from "@/lib/agents/types";
import { getIn, isVisible, optionsOf, parsePath, pathKey, stepOf, type Path } from "@/lib/agents/form-logic";

export type Answer =
  | { kind: "empty" }
  | { kind: "text"; text: string; multiline?: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "group"; items: AnswerRow[][] };

export interface AnswerRow {
  key: string;
  label: string;
  answer: Answer;
}

export interface AnswerSection {
  step: FormStep;
  rows: AnswerRow[];
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

/** "12 ms", "99.95%", "3 replicas". */
export function formatNumber(value: number, unit?: string): string {
  const text = numberFormat.format(value);
  if (!unit) return text;
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

function optionLabel(field: FieldMeta, scope: FormValues, form: FormValues, value: unknown): string {
  const option = optionsOf(field, scope, form).find((candidate) => candidate.value === value);
  return option?.label ?? String(value);
}

/** One field's answer, formatted. */
export function describeAnswer(field: FieldMeta, value: unknown, scope: FormValues, form: FormValues): Answer {
  if (value === undefined || value === null || value === "") return { kind: "empty" };
  switch (field.widget) {
    case "select":
    case "radio":
      return { kind: "text", text: optionLabel(field, scope, form, value) };
    case "multiselect":
      if (!Array.isArray(value) || value.length === 0) return { kind: "empty" };
      return { kind: "list", items: value.map((item) => optionLabel(field, scope, form, item)) };
    case "tags":
      if (!Array.isArray(value) || value.length === 0) return { kind: "empty" };
      return { kind: "list", items: value.map(String) };
    case "checkbox":
      return { kind: "text", text: value === true ? "Yes" : "No" };
    case "number":
      return typeof value === "number" ? { kind: "text", text: formatNumber(value, field.unit) } : { kind: "text", text: String(value) };
    case "textarea":
      return { kind: "text", text: String(value), multiline: true };
    case "group": {
      if (!Array.isArray(value) || value.length === 0) return { kind: "empty" };
      const items = value.map((item) => {
        const itemValues = (typeof item === "object" && item !== null ? item : {}) as FormValues;
        return (field.itemFields ?? [])
          .filter((itemField) => isVisible(itemField, itemValues, form))
          .map((itemField) => ({
            key: itemField.path,
            label: itemField.label,
            answer: describeAnswer(itemField, getIn(itemValues, itemField.path), itemValues, form),
          }));
      });
      return { kind: "group", items };
    }
    default:
      return { kind: "text", text: typeof value === "object" ? JSON.stringify(value) : String(value) };
  }
}

/** The visible answers, step by step (steps without visible fields are left out). */
export function describeAnswers(role: AnyRoleDefinition, values: FormValues): AnswerSection[] {
  return role.steps
    .map((step) => ({
      step,
      rows: role.fields
        .filter((field) => stepOf(role, field) === step.id && isVisible(field, values, values))
        .map((field) => ({ key: field.path, label: field.label, answer: describeAnswer(field, getIn(values, field.path), values, values) })),
    }))
    .filter((section) => section.rows.length > 0);
}

/** The answer as one line of text (for diffs and titles). */
export function answerText(answer: Answer): string {
  switch (answer.kind) {
    case "empty":
      return "—";
    case "text":
      return answer.text;
    case "list":
      return answer.items.join(", ");
    case "group":
      return answer.items.map((rows, index) => `#${index + 1}: ${rows.map((row) => `${row.label} ${answerText(row.answer)}`).join("; ")}`).join(" · ");
  }
}

/** The label of a field by its path, for error summaries: "Tiers › 2 › Hosts per subnet". */
export function labelForPath(role: AnyRoleDefinition, path: Path | string): string {
  const segments = typeof path === "string" ? parsePath(path) : path;
  const parts: string[] = [];
  let fields = role.fields;
  let index = 0;
  while (index < segments.length) {
    // The longest field path matching the remaining segments.
    const rest = segments.slice(index);
    const field = fields
      .filter((candidate) => {
        const candidatePath = parsePath(candidate.path);
        return candidatePath.every((segment, offset) => segment === rest[offset]);
      })
      .sort((a, b) => parsePath(b.path).length - parsePath(a.path).length)[0];
    if (!field) {
      parts.push(pathKey(rest));
      break;
    }
    parts.push(field.label);
    index += parsePath(field.path).length;
    if (field.widget === "group" && typeof segments[index] === "number") {
      parts.push(`#${(segments[index] as number) + 1}`);
      index += 1;
      fields = field.itemFields ?? [];
    } else if (index < segments.length) {
      // A position inside a list answer (tags, multiselect): show it as an item number.
      const remaining = segments.slice(index);
      parts.push(remaining.map((segment) => (typeof segment === "number" ? `#${segment + 1}` : segment)).join(" › "));
      break;
    }
  }
  return parts.join(" › ");
}
