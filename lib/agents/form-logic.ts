// The pure rules behind the generic requirements form: paths into nested values, which fields show,
// computed defaults, pruning hidden answers, validation by the role's one zod schema (the same function
// on the client and the server, so the messages match), and errors grouped by step.
import type { z } from "zod";
import type { AnyRoleDefinition, FieldMeta, FieldOption, FormStep, FormValues } from "@/lib/agents/types";

export type PathSegment = string | number;
export type Path = PathSegment[];

/** "tiers.0.name" → ["tiers", 0, "name"]. */
export function parsePath(path: string): Path {
  if (!path) return [];
  return path.split(".").map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function pathKey(path: readonly PathSegment[]): string {
  return path.map(String).join(".");
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function getIn(values: unknown, path: readonly PathSegment[] | string): unknown {
  const segments = typeof path === "string" ? parsePath(path) : path;
  let node: unknown = values;
  for (const segment of segments) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** A copy of `values` with `value` at `path`, creating objects and arrays on the way. `undefined` removes the key. */
export function setIn<T>(values: T, path: readonly PathSegment[] | string, value: unknown): T {
  const segments = typeof path === "string" ? parsePath(path) : path;
  if (segments.length === 0) return value as T;
  const [head, ...rest] = segments;
  if (typeof head === "number") {
    const list = Array.isArray(values) ? [...values] : [];
    list[head] = setIn(list[head], rest, value);
    return list as T;
  }
  const record: Record<string, unknown> = isRecord(values) ? { ...values } : {};
  const next = setIn(record[head], rest, value);
  if (next === undefined) delete record[head];
  else record[head] = next;
  return record as T;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  if (isRecord(a) && isRecord(b)) {
    const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
    const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
    return keysA.length === keysB.length && keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** A field where it stands in the form: its metadata, its full path, and the values its functions see. */
export interface FieldInstance {
  field: FieldMeta;
  path: Path;
  key: string;
  step: string;
  /** The values the field's functions receive first: the form, or for a group item its item. */
  scope: FormValues;
  /** Whether the field is inside a group item. */
  inGroup: boolean;
}

export function firstStepId(role: AnyRoleDefinition): string {
  return role.steps[0]?.id ?? "main";
}

/** The step a top-level field is on (the first step when it names none). */
export function stepOf(role: AnyRoleDefinition, field: FieldMeta): string {
  return field.step ?? firstStepId(role);
}

export function isVisible(field: FieldMeta, scope: FormValues, form: FormValues): boolean {
  if (!field.showWhen) return true;
  try {
    return field.showWhen(scope, form);
  } catch {
    // A condition reading a value that is not there yet (half-filled form) counts as "not met".
    return false;
  }
}

export function optionsOf(field: FieldMeta, scope: FormValues, form: FormValues): FieldOption[] {
  if (field.optionsFrom) {
    try {
      return field.optionsFrom(scope, form);
    } catch {
      return [];
    }
  }
  return field.options ?? [];
}

function itemsOf(values: FormValues, path: Path): FormValues[] {
  const list = getIn(values, path);
  return Array.isArray(list) ? list.map((item) => (isRecord(item) ? item : {})) : [];
}

/**
 * Every field the user can see now, group items expanded, in form order. Group fields themselves are
 * included (before their items), so errors on the whole list ("add at least one tier") have a home.
 */
export function visibleFieldInstances(role: AnyRoleDefinition, values: FormValues): FieldInstance[] {
  const instances: FieldInstance[] = [];
  for (const field of role.fields) {
    if (!isVisible(field, values, values)) continue;
    const path = parsePath(field.path);
    const step = stepOf(role, field);
    instances.push({ field, path, key: pathKey(path), step, scope: values, inGroup: false });
    if (field.widget === "group") {
      itemsOf(values, path).forEach((item, index) => {
        for (const itemField of field.itemFields ?? []) {
          if (!isVisible(itemField, item, values)) continue;
          const itemPath = [...path, index, ...parsePath(itemField.path)];
          instances.push({ field: itemField, path: itemPath, key: pathKey(itemPath), step, scope: item, inGroup: true });
        }
      });
    }
  }
  return instances;
}

const isEmptyAnswer = (value: unknown) => value === undefined || value === null || value === "";

/**
 * The values the schema should see: hidden fields dropped (their answers would otherwise travel with
 * the request), empty text dropped (an empty optional field means "not answered"), and empty entries of
 * tag lists removed. Values under keys no field describes pass through unchanged.
 */
export function pruneHidden(role: AnyRoleDefinition, values: FormValues): FormValues {
  let result: FormValues = values;
  for (const field of role.fields) {
    const path = parsePath(field.path);
    if (!isVisible(field, values, values)) {
      result = removeIn(result, path);
      continue;
    }
    const value = getIn(values, path);
    if (field.widget === "group") {
      if (!Array.isArray(value)) {
        if (isEmptyAnswer(value)) result = setIn(result, path, undefined);
        continue;
      }
      const items = itemsOf(values, path).map((item) => {
        let pruned: FormValues = item;
        for (const itemField of field.itemFields ?? []) {
          const itemPath = parsePath(itemField.path);
          if (!isVisible(itemField, item, values)) pruned = removeIn(pruned, itemPath);
          else pruned = setIn(pruned, itemPath, normalize(itemField, getIn(item, itemPath)));
        }
        return pruned;
      });
      result = setIn(result, path, items);
    } else {
      result = setIn(result, path, normalize(field, value));
    }
  }
  return result;
}

/** Removes the value at `path`, and any object left empty above it (a hidden "canary.percent" takes "canary" with it). */
function removeIn(values: FormValues, path: Path): FormValues {
  let result = setIn(values, path, undefined);
  for (let depth = path.length - 1; depth > 0; depth--) {
    const parent = getIn(result, path.slice(0, depth));
    if (!isRecord(parent) || Object.keys(parent).length > 0) break;
    result = setIn(result, path.slice(0, depth), undefined);
  }
  return result;
}

function normalize(field: FieldMeta, value: unknown): unknown {
  if (isEmptyAnswer(value)) return undefined;
  if (field.widget === "tags" && Array.isArray(value)) return value.filter((entry) => !(typeof entry === "string" && entry.trim() === ""));
  if (field.widget === "number" && typeof value === "number" && Number.isNaN(value)) return undefined;
  return value;
}

/** Whether the user typed into this field or anything inside it (an item of a group counts for the group). */
export function isTouched(touched: ReadonlySet<string>, key: string): boolean {
  if (touched.has(key)) return true;
  const prefix = `${key}.`;
  for (const candidate of touched) if (candidate.startsWith(prefix)) return true;
  return false;
}

/**
 * Applies computed defaults to every visible field the user has not touched. Defaults may depend on
 * each other, so it repeats until nothing changes (a few rounds at most).
 */
export function applyComputedDefaults(role: AnyRoleDefinition, values: FormValues, touched: ReadonlySet<string>): FormValues {
  let current = values;
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const instance of visibleFieldInstances(role, current)) {
      const { field } = instance;
      if (!field.computedDefault || isTouched(touched, instance.key)) continue;
      let computed: unknown;
      try {
        computed = field.computedDefault(instance.scope, current);
      } catch {
        continue;
      }
      if (computed === undefined || deepEqual(computed, getIn(current, instance.path))) continue;
      current = setIn(current, instance.path, computed);
      changed = true;
    }
    if (!changed) break;
  }
  return current;
}

/**
 * Clears single choices whose options depend on other answers and no longer offer the chosen value
 * (a region after the provider changed), so the form never shows one thing and holds another.
 */
export function dropStaleChoices(role: AnyRoleDefinition, values: FormValues): FormValues {
  let current = values;
  for (const instance of visibleFieldInstances(role, values)) {
    const { field } = instance;
    if (!field.optionsFrom || (field.widget !== "select" && field.widget !== "radio")) continue;
    const value = getIn(current, instance.path);
    if (isEmptyAnswer(value)) continue;
    if (!optionsOf(field, instance.scope, current).some((option) => option.value === value)) current = setIn(current, instance.path, undefined);
  }
  return current;
}

/**
 * Which computed-default fields count as typed into when a saved form is opened again: those whose value
 * differs from what the default would be now. The others keep following their default.
 */
export function initialTouched(role: AnyRoleDefinition, values: FormValues): Set<string> {
  const touched = new Set<string>();
  for (const instance of visibleFieldInstances(role, values)) {
    const { field } = instance;
    if (!field.computedDefault) continue;
    const value = getIn(values, instance.path);
    if (isEmptyAnswer(value)) continue;
    let computed: unknown;
    try {
      computed = field.computedDefault(instance.scope, values);
    } catch {
      computed = undefined;
    }
    if (!deepEqual(computed, value)) touched.add(instance.key);
  }
  return touched;
}

/** Field errors keyed by dotted path ("tiers.1.hosts"), the first message per field. */
export type FieldErrors = Record<string, string>;

export interface ValidationIssue {
  path: Path;
  message: string;
  code?: string;
}

export type RoleValidation<T = unknown> = { success: true; data: T } | { success: false; issues: ValidationIssue[]; errors: FieldErrors };

/**
 * Fallback messages for issues a schema did not word itself; a schema's own messages always win. Kept
 * short because the field's label stands right above the message.
 */
function fallbackMessage(issue: { code?: string; input?: unknown; expected?: unknown }): string | undefined {
  if (issue.input === undefined || issue.input === null) return "Required";
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a number";
  return undefined;
}

export function issuesToFieldErrors(issues: readonly { path: readonly PathSegment[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path) || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Validates form values with the role's schema, after pruning hidden fields. The client calls it on Next
 * and on submit, and the server calls it on submit and on every revision: one function, one set of messages.
 */
export function validateRoleInput<S extends z.ZodType>(role: { schema: S; fields: FieldMeta[]; steps: FormStep[] }, values: FormValues): RoleValidation<z.output<S>> {
  const pruned = pruneHidden(role as unknown as AnyRoleDefinition, values);
  const result = role.schema.safeParse(pruned, { error: (issue) => fallbackMessage(issue as never) });
  if (result.success) return { success: true, data: result.data };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)) as Path,
    message: issue.message,
    code: issue.code,
  }));
  return { success: false, issues, errors: issuesToFieldErrors(issues) };
}

/** The step an error belongs to: the step of the top-level field its path starts with. */
export function stepOfErrorKey(role: AnyRoleDefinition, key: string): string {
  const segments = parsePath(key);
  // The longest top-level field path that prefixes the key (paths may be dotted, e.g. "probes.liveness").
  let best: FieldMeta | undefined;
  for (const field of role.fields) {
    const fieldPath = parsePath(field.path);
    if (fieldPath.length <= segments.length && fieldPath.every((segment, index) => segment === segments[index])) {
      if (!best || fieldPath.length > parsePath(best.path).length) best = field;
    }
  }
  // An error on the whole input (a cross-field rule with no path) belongs to the last step before review.
  return best ? stepOf(role, best) : (role.steps.at(-1)?.id ?? firstStepId(role));
}

export function errorsOnStep(role: AnyRoleDefinition, errors: FieldErrors, stepId: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => stepOfErrorKey(role, key) === stepId));
}

export function stepsWithErrors(role: AnyRoleDefinition, errors: FieldErrors): Set<string> {
  return new Set(Object.keys(errors).map((key) => stepOfErrorKey(role, key)));
}

/**
 * The errors to show when leaving a step: the whole input is validated (cross-field rules need it), and
 * only the errors on this step's fields are kept. Errors of later, untouched steps are not the user's
 * problem yet.
 */
export function validateStep(role: AnyRoleDefinition, values: FormValues, stepId: string): FieldErrors {
  const result = validateRoleInput(role, values);
  if (result.success) return {};
  return errorsOnStep(role, result.errors, stepId);
}

/** Steps that have at least one visible field, in order: a step whose fields are all hidden is skipped. */
export function visibleSteps(role: AnyRoleDefinition, values: FormValues): FormStep[] {
  const withFields = new Set(role.fields.filter((field) => isVisible(field, values, values)).map((field) => stepOf(role, field)));
  return role.steps.filter((step) => withFields.has(step.id));
}

/** The starting values of a new item of a group: its `newItem`, else each item field's computed default. */
export function newGroupItem(field: FieldMeta, form: FormValues): FormValues {
  if (field.newItem) return field.newItem(form, form);
  let item: FormValues = {};
  for (const itemField of field.itemFields ?? []) {
    if (!itemField.computedDefault) continue;
    const computed = itemField.computedDefault(item, form);
    if (computed !== undefined) item = setIn(item, itemField.path, computed);
  }
  return item;
}

/** Moves an item of a list from one index to another (for reordering group items). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * Re-keys the "touched" set after group items moved or were removed, so a computed default does not
 * suddenly overwrite what the user typed into an item that changed position.
 */
export function remapTouched(touched: ReadonlySet<string>, groupKey: string, mapIndex: (index: number) => number | undefined): Set<string> {
  const prefix = `${groupKey}.`;
  const next = new Set<string>();
  for (const key of touched) {
    if (!key.startsWith(prefix)) {
      next.add(key);
      continue;
    }
    const [indexText, ...rest] = key.slice(prefix.length).split(".");
    const mapped = mapIndex(Number(indexText));
    if (mapped !== undefined) next.add([groupKey, mapped, ...rest].join("."));
  }
  return next;
}
