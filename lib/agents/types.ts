// The contract every specialist role fulfils: its catalogue entry, its requirements form (one zod schema
// plus field metadata), and later its generator. Role modules are pure and isomorphic: the form renderer
// imports them in the browser, the server validates with the same schema.
import type { z } from "zod";

export const roleKeys = [
  "cloud-architect",
  "terraform-engineer",
  "kubernetes-specialist",
  "deployment-engineer",
  "sre-engineer",
  "incident-responder",
  "devops-incident-responder",
  "devops-engineer",
  "network-engineer",
  "security-engineer",
] as const;

export type RoleKey = (typeof roleKeys)[number];

export const roleDomains = {
  "architecture-iac": "Architecture & infrastructure as code",
  "runtime-delivery": "Runtime & delivery",
  "reliability-incidents": "Reliability & incidents",
  "network-security": "Network & security",
} as const;

export type RoleDomain = keyof typeof roleDomains;

/** A measurable target of the role, from the seed document where it gives one. */
export interface RoleTarget {
  label: string;
  /** How it reads, e.g. "≥ 99.99%" or "> 10 per day". */
  value: string;
}

export interface WorkflowPhases {
  assessment: string[];
  implementation: string[];
  excellence: string[];
}

/** One step of the multi-step form wizard. */
export interface FormStep {
  id: string;
  title: string;
  description?: string;
}

export type FieldWidget =
  | "text"
  | "textarea"
  | "number"
  | "select" // one of `options`
  | "radio" // one of `options`, shown as cards
  | "multiselect" // several of `options`, as checkboxes
  | "checkbox" // a boolean
  | "tags" // a list of free strings, one per line or comma-separated
  | "cidr" // an IPv4 CIDR block, validated as you type
  | "group"; // a repeatable group of sub-fields (`itemFields`), e.g. regions, subnet tiers, SLIs

export interface FieldOption {
  value: string;
  label: string;
  /** A short explanation shown under the option (radio cards, pickers). */
  description?: string;
}

/** Form values as the renderer holds them: the schema's input shape, possibly incomplete. */
export type FormValues = Record<string, unknown>;

/**
 * The functions of a field (`showWhen`, `optionsFrom`, `computedDefault`, `newItem`) receive the form's
 * values. Inside a group's `itemFields` they receive the item's values first and the whole form's values
 * second, e.g. a region picker in a "regions" group reads the item's own provider.
 */
export interface FieldMeta {
  /** Dotted path into the input; inside a group's `itemFields`, relative to the item. */
  path: string;
  label: string;
  help?: string;
  placeholder?: string;
  /** The step this field is on (top-level fields only; group items inherit the group's). */
  step?: string;
  widget: FieldWidget;
  options?: FieldOption[];
  /** Options that depend on other values, e.g. regions of the chosen provider. Wins over `options`. */
  optionsFrom?: (values: FormValues, form?: FormValues) => FieldOption[];
  /** A unit shown after a number, e.g. "minutes", "%", "ms". */
  unit?: string;
  min?: number;
  max?: number;
  /** Step for number inputs, e.g. 0.001 for percentages. */
  numberStep?: number;
  required?: boolean;
  /**
   * When the field is shown. Conditions may look at any field, on any step. A hidden field is not
   * validated by the form and is dropped from the submitted input.
   */
  showWhen?: (values: FormValues, form?: FormValues) => boolean;
  /**
   * A default computed from other values, applied while the user has not typed into this field,
   * e.g. 3 replicas when the environment is production.
   */
  computedDefault?: (values: FormValues, form?: FormValues) => unknown;
  /** For `group`: the fields of one item, and how many items are allowed. */
  itemFields?: FieldMeta[];
  minItems?: number;
  maxItems?: number;
  /** For `group`: the label of the "add another" button, e.g. "Add a region". */
  addLabel?: string;
  /** For `group`: the values of a newly added item. */
  newItem?: (values: FormValues, form?: FormValues) => FormValues;
}

export interface RoleDefinition<Schema extends z.ZodType = z.ZodType> {
  key: RoleKey;
  title: string;
  /** One line: what this specialist does for you. */
  mission: string;
  domain: RoleDomain;
  responsibilities: string[];
  targets: RoleTarget[];
  phases: WorkflowPhases;
  /** Roles this one works with, from the seed's collaboration graph (both directions). */
  collaborators: RoleKey[];
  /** The single source of truth for the requirements form: client, server, API, generator, JSON Schema. */
  schema: Schema;
  steps: FormStep[];
  fields: FieldMeta[];
  /** The values a new, empty form starts from (the schema's input shape, possibly incomplete). */
  initialValues: FormValues;
  /** A realistic, valid input: used for the demo seed, docs and tests. */
  example: z.input<Schema>;
  /** What a request's title defaults to, from the input (e.g. "checkout-api on EKS"). */
  defaultTitle: (input: z.output<Schema>) => string;
}

export type AnyRoleDefinition = RoleDefinition<z.ZodType>;

/** The validated input of a role (the generator's input type). */
export type RoleInput<Definition extends AnyRoleDefinition> = z.output<Definition["schema"]>;
