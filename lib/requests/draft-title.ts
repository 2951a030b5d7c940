// What to call a draft that has no title yet: the title it would get on submit when its answers are
// complete, else the workload's name once it is typed (so "Untitled draft" does not stay after naming it).
import type { AnyRoleDefinition, FormValues } from "@/lib/agents/types";

export function provisionalTitle(role: AnyRoleDefinition, values: FormValues | null | undefined): string | null {
  if (!values) return null;
  try {
    const parsed = role.schema.safeParse(values);
    if (parsed.success) return (role.defaultTitle as (input: unknown) => string)(parsed.data);
  } catch {
    // A generator's title helper on odd input: fall back to the name.
  }
  const nameField = role.fields.find((field) => field.widget === "text" && !field.path.includes(".") && /name$/i.test(field.path));
  const name = nameField ? values[nameField.path] : undefined;
  return typeof name === "string" && name.trim() ? `${name.trim()} (draft)` : null;
}
