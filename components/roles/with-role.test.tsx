import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ComponentType, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { getRole } from "@/lib/agents/registry";
import { roleKeys } from "@/lib/agents/types";
import { useRoleDefinition } from "@/components/roles/role-context";

const seen: unknown[] = [];
function Probe() {
  const role = useRoleDefinition();
  seen.push(role);
  return <span>{role?.key ?? "none"}</span>;
}

describe("one role's provider per module", () => {
  it("gives, for every role key, the very definition the registry holds", async () => {
    for (const key of roleKeys) {
      const loaded = (await import(`./by-key/${key}.tsx`)) as Record<string, ComponentType<{ children: ReactNode }>>;
      const providers = Object.values(loaded);
      expect(providers, key).toHaveLength(1);
      const Provider = providers[0];
      seen.length = 0;
      expect(renderToStaticMarkup(<Provider><Probe /></Provider>)).toBe(`<span>${key}</span>`);
      expect(seen[0], key).toBe(getRole(key));
    }
  });

  it("has no module for anything that is not a role, and WithRole loads each by its own key", () => {
    const dir = path.join(import.meta.dirname, "by-key");
    expect(readdirSync(dir).map((file) => file.replace(/\.tsx$/, "")).sort()).toEqual([...roleKeys].sort());
    // next/dynamic only splits and preloads an import() written out in its call: one per role, its own file.
    const source = readFileSync(path.join(import.meta.dirname, "with-role.tsx"), "utf8");
    for (const key of roleKeys) expect(source).toContain(`"${key}": dynamic(() => import("./by-key/${key}")`);
  });

  it("gives no role where no provider is given", () => {
    expect(renderToStaticMarkup(<Probe />)).toBe("<span>none</span>");
  });
});
