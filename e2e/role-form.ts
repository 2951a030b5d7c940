// Drives the generic requirements form like a person would: for each step, every visible field is found by
// its label and answered through its widget (radio cards, selects, checkboxes, tags, groups…), then Next.
// It reads the role's own field metadata, so it works for any role.
import { expect, type Locator, type Page } from "@playwright/test";
import { getRole } from "@/lib/agents/registry";
import type { FieldMeta, FormValues } from "@/lib/agents/types";
import { getIn, isVisible, optionsOf, stepOf, visibleSteps } from "@/lib/agents/form-logic";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An accessible name that starts with the text (radio cards also carry their description). */
const startsWith = (text: string) => new RegExp(`^${escape(text)}(\\s|$)`);

/** A control by its label; required fields' labels end with an asterisk, which the label text includes. */
export function byLabel(scope: Locator | Page, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escape(label)}\\*?$`));
}

export function stepForm(page: Page): Locator {
  return page.locator('form[aria-labelledby="step-heading"]');
}

async function fillField(scope: Locator, field: FieldMeta, value: unknown, itemScope: FormValues, form: FormValues) {
  const label = field.label;
  switch (field.widget) {
    case "text":
    case "textarea":
    case "cidr":
      await byLabel(scope, label).fill(value === undefined ? "" : String(value));
      return;
    case "number":
      await byLabel(scope, label).fill(value === undefined ? "" : String(value));
      return;
    case "select": {
      if (value === undefined) return;
      const option = optionsOf(field, itemScope, form).find((candidate) => candidate.value === value);
      await byLabel(scope, label).selectOption({ label: option!.label });
      return;
    }
    case "radio": {
      if (value === undefined) return;
      const option = optionsOf(field, itemScope, form).find((candidate) => candidate.value === value);
      await scope.getByRole("group", { name: label, exact: true }).getByRole("radio", { name: startsWith(option!.label) }).check();
      return;
    }
    case "multiselect": {
      const chosen = Array.isArray(value) ? value : [];
      const group = scope.getByRole("group", { name: label, exact: true });
      for (const option of optionsOf(field, itemScope, form)) {
        await group.getByRole("checkbox", { name: option.label, exact: true }).setChecked(chosen.includes(option.value));
      }
      return;
    }
    case "checkbox":
      await scope.getByRole("checkbox", { name: label, exact: true }).setChecked(value === true);
      return;
    case "tags": {
      const input = byLabel(scope, label);
      const box = input.locator("..");
      const remove = box.getByRole("button", { name: /^Remove / });
      while ((await remove.count()) > 0) await remove.first().click();
      for (const tag of Array.isArray(value) ? value : []) {
        await input.fill(String(tag));
        await input.press("Enter");
      }
      return;
    }
    case "group": {
      const items = Array.isArray(value) ? (value as FormValues[]) : [];
      const group = scope.getByRole("group", { name: label, exact: true });
      const listItems = group.locator(":scope > ol > li");
      while ((await listItems.count()) > items.length) await listItems.last().getByRole("button", { name: /^Remove / }).click();
      while ((await listItems.count()) < items.length) await group.getByRole("button", { name: field.addLabel ?? `Add to ${label.toLowerCase()}` }).click();
      for (const [index, item] of items.entries()) {
        for (const itemField of field.itemFields ?? []) {
          if (!isVisible(itemField, item, form)) continue;
          await fillField(listItems.nth(index), itemField, getIn(item, itemField.path), item, form);
        }
      }
      return;
    }
  }
}

/** Answers the current step's visible fields with `values`. */
export async function fillStep(page: Page, roleKey: string, stepId: string, values: FormValues) {
  const role = getRole(roleKey);
  const form = stepForm(page);
  for (const field of role.fields) {
    if (stepOf(role, field) !== stepId || !isVisible(field, values, values)) continue;
    await fillField(form, field, getIn(values, field.path), values, values);
  }
}

/** Fills every step with `values`, going forward with Next, and stops on the review step. */
export async function fillRoleForm(page: Page, roleKey: string, values: FormValues) {
  const role = getRole(roleKey);
  for (const step of visibleSteps(role, values)) {
    await expect(page.getByRole("heading", { level: 2, name: step.title, exact: true })).toBeVisible();
    await fillStep(page, roleKey, step.id, values);
    await stepForm(page).getByRole("button", { name: /^Next:/ }).click();
  }
  await expect(page.getByRole("heading", { level: 2, name: "Review and submit" })).toBeVisible();
}
