"use client";
// One field of a role's form, drawn by its widget: text, textarea, number with unit, select, radio cards,
// multiselect checkboxes, checkbox, tags and CIDR. Groups are drawn by GroupField. Every control has a
// label, help and error wired to it (aria-describedby / aria-invalid).
import { CircleAlert, X } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import type { FieldMeta, FieldOption, FormValues } from "@/lib/agents/types";
import { addressCount, parseCidr } from "@/lib/network/cidr";
import { optionsOf } from "@/lib/agents/form-logic";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Input, controlClassName } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

export interface FieldControlProps {
  field: FieldMeta;
  /** The control's DOM id (derived from the field's full path). */
  id: string;
  value: unknown;
  error?: string;
  /** The values the field's functions see first: the form, or its group item. */
  scope: FormValues;
  form: FormValues;
  onChange: (value: unknown) => void;
  onBlur: () => void;
}

/** The DOM id of a field's control, from its dotted path. */
/** A placeholder reads as an example, not as an answer: "e.g. 10.20.0.0/16" (and lighter, in italics). */
export function asExample(placeholder: string | undefined): string | undefined {
  if (!placeholder) return placeholder;
  return /^(e\.g\.|for example)/i.test(placeholder) ? placeholder : `e.g. ${placeholder}`;
}

export function controlId(key: string): string {
  return `rf-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function FieldControl(props: FieldControlProps) {
  const { field, id, value, error, onChange, onBlur, scope, form } = props;
  switch (field.widget) {
    case "textarea":
      return (
        <Field id={id} label={field.label} help={field.help} error={error} required={field.required}>
          <Textarea value={typeof value === "string" ? value : ""} placeholder={asExample(field.placeholder)} onChange={(event) => onChange(event.target.value)} onBlur={onBlur} rows={4} />
        </Field>
      );
    case "number":
      return <NumberControl {...props} />;
    case "select": {
      const options = optionsOf(field, scope, form);
      const current = typeof value === "string" && options.some((option) => option.value === value) ? value : "";
      return (
        <Field id={id} label={field.label} help={field.help} error={error} required={field.required}>
          <Select value={current} placeholder={options.length ? "Choose…" : "Answer the questions above first"} onChange={(event) => onChange(event.target.value || undefined)} onBlur={onBlur} disabled={options.length === 0}>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    case "radio":
      return <RadioCards {...props} options={optionsOf(field, scope, form)} />;
    case "multiselect":
      return <CheckboxList {...props} options={optionsOf(field, scope, form)} />;
    case "checkbox":
      return (
        <div className="flex flex-col gap-1.5">
          <Checkbox
            id={id}
            label={field.label}
            description={field.help}
            checked={value === true}
            onCheckedChange={(checked) => onChange(checked === true)}
            onBlur={onBlur}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
        </div>
      );
    case "tags":
      return <TagsControl {...props} />;
    case "cidr":
      return <CidrControl {...props} />;
    case "text":
    default:
      return (
        <Field id={id} label={field.label} help={field.help} error={error} required={field.required}>
          <Input value={typeof value === "string" ? value : value === undefined || value === null ? "" : String(value)} placeholder={asExample(field.placeholder)} onChange={(event) => onChange(event.target.value)} onBlur={onBlur} autoComplete="off" />
        </Field>
      );
  }
}

function ErrorText({ id, children }: { id: string; children: string }) {
  return (
    <p id={id} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-critical-fg">
      <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

function NumberControl({ field, id, value, error, onChange, onBlur }: FieldControlProps) {
  // The text is kept apart from the number so "0." or "-" can be typed on the way to a number.
  const [text, setText] = useState(typeof value === "number" ? String(value) : "");
  const [lastValue, setLastValue] = useState(value);
  if (lastValue !== value) {
    setLastValue(value);
    if (!(typeof value === "number" && Number(text) === value && text.trim() !== "")) setText(typeof value === "number" ? String(value) : "");
  }
  return (
    <Field id={id} label={field.label} help={field.help} error={error} required={field.required}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            {...control}
            type="number"
            inputMode="decimal"
            className={cn(controlClassName, "h-10 max-w-48 py-2 tabular-nums")}
            value={text}
            min={field.min}
            max={field.max}
            step={field.numberStep ?? "any"}
            placeholder={asExample(field.placeholder)}
            onChange={(event) => {
              const next = event.target.value;
              setText(next);
              if (next.trim() === "") onChange(undefined);
              else if (!Number.isNaN(Number(next))) onChange(Number(next));
            }}
            onBlur={onBlur}
          />
          {field.unit && <span className="text-base text-fg-muted">{field.unit}</span>}
        </div>
      )}
    </Field>
  );
}

function RadioCards({ field, id, value, error, onChange, onBlur, options }: FieldControlProps & { options: FieldOption[] }) {
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 text-base font-medium text-fg">
        {field.label}
        {field.required && (
          <span aria-hidden="true" className="ml-0.5 text-critical-fg">
            *
          </span>
        )}
      </legend>
      {field.help && (
        <p id={helpId} className="-mt-1 text-sm text-fg-muted">
          {field.help}
        </p>
      )}
      <div className={cn("grid gap-2", options.length > 3 ? "@lg:grid-cols-2 @4xl:grid-cols-3" : options.length > 1 ? "@lg:grid-cols-2 @3xl:grid-cols-3" : "")}>
        {options.map((option, index) => {
          const checked = value === option.value;
          // The first option carries the field's id, so "go to this error" links land on the group.
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-md border bg-surface p-3 transition-colors hover:bg-surface-muted",
                "has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-focus has-[:focus-visible]:ring-offset-2",
                checked ? "border-accent ring-1 ring-accent" : error ? "border-critical" : "border-border-strong",
              )}
            >
              <input
                id={optionId}
                type="radio"
                name={id}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                onBlur={onBlur}
                className="mt-1 size-4 shrink-0 accent-[var(--accent)]"
              />
              <span className="flex flex-col gap-0.5">
                <span className="text-base font-medium text-fg">
                  {option.label}
                </span>
                {option.description && <span className="text-sm text-fg-muted">{option.description}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {error && <ErrorText id={errorId!}>{error}</ErrorText>}
    </fieldset>
  );
}

function CheckboxList({ field, id, value, error, onChange, onBlur, options }: FieldControlProps & { options: FieldOption[] }) {
  const selected = Array.isArray(value) ? (value as string[]) : [];
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  function toggle(optionValue: string, checked: boolean) {
    // Keep the options' order, whatever order they were ticked in.
    const next = options.map((option) => option.value).filter((candidate) => (candidate === optionValue ? checked : selected.includes(candidate)));
    onChange(next);
  }
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 text-base font-medium text-fg">
        {field.label}
        {field.required && (
          <span aria-hidden="true" className="ml-0.5 text-critical-fg">
            *
          </span>
        )}
      </legend>
      {field.help && (
        <p id={helpId} className="-mt-1 mb-1 text-sm text-fg-muted">
          {field.help}
        </p>
      )}
      <div className="grid gap-x-6 @lg:grid-cols-2 @4xl:grid-cols-3">
        {options.map((option, index) => (
          <Checkbox
            key={option.value}
            id={index === 0 ? id : `${id}-${index}`}
            label={option.label}
            description={option.description}
            checked={selected.includes(option.value)}
            onCheckedChange={(checked) => toggle(option.value, checked === true)}
            onBlur={onBlur}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </div>
      {error && <ErrorText id={errorId!}>{error}</ErrorText>}
    </fieldset>
  );
}

/** Free strings as removable chips: Enter or a comma adds one; pasting a list adds each entry. */
function TagsControl({ field, id, value, error, onChange, onBlur }: FieldControlProps) {
  const tags = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const [draft, setDraft] = useState("");

  function add(text: string) {
    const entries = text
      .split(/[,\n]/)
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length === 0) return;
    onChange([...tags, ...entries.filter((entry, index) => !tags.includes(entry) && entries.indexOf(entry) === index)]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <Field id={id} label={field.label} help={field.help ?? "Press Enter or type a comma after each entry."} error={error} required={field.required}>
      {(control) => (
        <div className={cn(controlClassName, "flex min-h-10 flex-wrap items-center gap-1.5 py-1.5", error && "border-critical ring-1 ring-critical")}>
          {tags.map((tag, index) => (
            <span key={`${tag}-${index}`} className="inline-flex items-center gap-1 rounded-md border border-border bg-surface-muted py-0.5 pr-1 pl-2 text-sm">
              {tag}
              <button
                type="button"
                className="inline-flex size-6 cursor-pointer items-center justify-center rounded-sm text-fg-muted hover:bg-border hover:text-fg"
                aria-label={`Remove ${tag}`}
                onClick={() => onChange(tags.filter((_, position) => position !== index))}
              >
                <X aria-hidden="true" className="size-3.5" />
              </button>
            </span>
          ))}
          <input
            {...control}
            className="h-7 min-w-40 flex-1 bg-transparent text-base outline-none placeholder:text-fg-muted placeholder:italic"
            value={draft}
            placeholder={tags.length ? "" : asExample(field.placeholder)}
            onChange={(event) => {
              const next = event.target.value;
              if (/[,\n]/.test(next)) add(next);
              else setDraft(next);
            }}
            onKeyDown={onKeyDown}
            onPaste={(event) => {
              const pasted = event.clipboardData.getData("text");
              if (/[,\n]/.test(pasted)) {
                event.preventDefault();
                add(draft + pasted);
              }
            }}
            onBlur={() => {
              add(draft);
              onBlur();
            }}
          />
        </div>
      )}
    </Field>
  );
}

/** A CIDR block in monospace, with the block's size shown as soon as it parses. */
function CidrControl({ field, id, value, error, onChange, onBlur }: FieldControlProps) {
  const text = typeof value === "string" ? value : "";
  const parsed = text.trim() ? parseCidr(text) : undefined;
  const size = parsed?.ok ? `${new Intl.NumberFormat("en-GB").format(addressCount(parsed.cidr.prefix))} addresses` : undefined;
  return (
    <Field id={id} label={field.label} help={error ? field.help : (size ?? field.help)} error={error} required={field.required}>
      <Input value={text} placeholder={asExample(field.placeholder ?? "10.0.0.0/16")} onChange={(event) => onChange(event.target.value)} onBlur={onBlur} className="max-w-64 font-mono" spellCheck={false} autoComplete="off" inputMode="decimal" />
    </Field>
  );
}
