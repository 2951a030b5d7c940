"use client";
// A repeatable group (regions, subnet tiers, SLIs…): items as numbered cards with their own fields, and
// buttons to add, remove and reorder them. Focus follows the item that moved, so it all works from the keyboard.
import { ArrowDown, ArrowUp, CircleAlert, Plus, Trash2 } from "lucide-react";
import { useEffect, useRef } from "react";
import type { FieldMeta, FormValues } from "@/lib/agents/types";
import { getIn, isVisible } from "@/lib/agents/form-logic";
import { Button } from "@/components/ui/button";
import { controlId, FieldControl } from "./field-control";

export interface GroupFieldProps {
  field: FieldMeta;
  /** The group's dotted path, e.g. "tiers". */
  groupKey: string;
  items: FormValues[];
  form: FormValues;
  errors: Record<string, string>;
  onItemChange: (index: number, itemPath: string, value: unknown) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
  onMove: (from: number, to: number) => void;
  onBlur: (key: string) => void;
}

/** A short name for an item: its number, then its first answered text ("#2 · private"). */
function itemName(field: FieldMeta, item: FormValues, index: number): string {
  const first = (field.itemFields ?? []).find((itemField) => itemField.widget === "text" || itemField.widget === "cidr");
  const text = first ? getIn(item, first.path) : undefined;
  return typeof text === "string" && text.trim() ? `#${index + 1} · ${text.trim()}` : `#${index + 1}`;
}

export function GroupField({ field, groupKey, items, form, errors, onItemChange, onAdd, onRemove, onMove, onBlur }: GroupFieldProps) {
  // Where focus goes once the list has re-rendered after an add, move or remove.
  const focusTarget = useRef<string | null>(null);
  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });
  const setFocusTarget = (id: string) => {
    focusTarget.current = id;
  };

  const id = controlId(groupKey);
  const groupError = errors[groupKey];
  const max = field.maxItems ?? Infinity;
  const min = field.minItems ?? 0;
  const helpId = field.help ? `${id}-help` : undefined;
  const errorId = groupError ? `${id}-error` : undefined;
  const buttonId = (index: number, action: string) => `${id}-${index}-${action}`;

  return (
    <fieldset className="flex flex-col gap-3" aria-describedby={[helpId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="mb-1 text-base font-medium text-fg">
        {field.label}
        {field.required && (
          <span aria-hidden="true" className="ml-0.5 text-critical-fg">
            *
          </span>
        )}
      </legend>
      {field.help && (
        <p id={helpId} className="-mt-2 text-sm text-fg-muted">
          {field.help}
        </p>
      )}
      {groupError && (
        <p id={errorId} role="alert" className="flex items-start gap-1.5 text-sm font-medium text-critical-fg">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>{groupError}</span>
        </p>
      )}
      {items.length > 0 && (
        <ol className="flex flex-col gap-3" aria-label={field.label}>
          {items.map((item, index) => {
            const name = itemName(field, item, index);
            const hasError = Object.keys(errors).some((key) => key.startsWith(`${groupKey}.${index}.`));
            return (
              <li
                key={index}
                className={`rounded-md border bg-surface-muted/50 p-4 ${hasError ? "border-critical" : "border-border"}`}
                aria-label={`${field.label} ${name}`}
              >
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <p className="text-base font-semibold text-fg">{name}</p>
                  <div className="flex gap-1">
                    <Button
                      id={buttonId(index, "up")}
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${name} up`}
                      disabled={index === 0}
                      onClick={() => {
                        onMove(index, index - 1);
                        setFocusTarget(index - 1 === 0 ? buttonId(index - 1, "down") : buttonId(index - 1, "up"));
                      }}
                    >
                      <ArrowUp aria-hidden="true" />
                    </Button>
                    <Button
                      id={buttonId(index, "down")}
                      variant="ghost"
                      size="sm"
                      aria-label={`Move ${name} down`}
                      disabled={index === items.length - 1}
                      onClick={() => {
                        onMove(index, index + 1);
                        setFocusTarget(index + 1 === items.length - 1 ? buttonId(index + 1, "up") : buttonId(index + 1, "down"));
                      }}
                    >
                      <ArrowDown aria-hidden="true" />
                    </Button>
                    <Button
                      id={buttonId(index, "remove")}
                      variant="ghost"
                      size="sm"
                      aria-label={`Remove ${name}`}
                      disabled={items.length <= min}
                      title={items.length <= min ? `Keep at least ${min}` : undefined}
                      onClick={() => {
                        onRemove(index);
                        setFocusTarget(items.length - 1 > 0 ? buttonId(Math.max(0, index - 1), "remove") : `${id}-add`);
                      }}
                    >
                      <Trash2 aria-hidden="true" /> <span className="hidden sm:inline">Remove</span>
                    </Button>
                  </div>
                </div>
                <div className="grid gap-4 @xl:grid-cols-2 @4xl:grid-cols-3">
                  {(field.itemFields ?? [])
                    .filter((itemField) => isVisible(itemField, item, form))
                    .map((itemField) => {
                      const key = `${groupKey}.${index}.${itemField.path}`;
                      const wide = itemField.widget === "textarea" || itemField.widget === "tags" || itemField.widget === "multiselect" || itemField.widget === "radio";
                      return (
                        <div key={itemField.path} className={wide ? "col-span-full" : undefined}>
                          <FieldControl
                            field={itemField}
                            id={controlId(key)}
                            value={getIn(item, itemField.path)}
                            error={errors[key]}
                            scope={item}
                            form={form}
                            onChange={(value) => onItemChange(index, itemField.path, value)}
                            onBlur={() => onBlur(key)}
                          />
                        </div>
                      );
                    })}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          id={`${id}-add`}
          variant="secondary"
          onClick={() => {
            onAdd();
            const first = field.itemFields?.[0];
            if (first) setFocusTarget(controlId(`${groupKey}.${items.length}.${first.path}`));
          }}
          disabled={items.length >= max}
        >
          <Plus aria-hidden="true" />
          {field.addLabel ?? `Add to ${field.label.toLowerCase()}`}
        </Button>
        {Number.isFinite(max) && (
          <span className="text-sm text-fg-muted">
            {items.length} of at most {max}
          </span>
        )}
      </div>
    </fieldset>
  );
}
