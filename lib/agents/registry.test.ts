import { describe, expect, it } from "vitest";
import { z } from "zod";
import { collaboratorsOf } from "@/lib/agents/collaboration";
import { roleKeys } from "@/lib/agents/types";
import { NotFoundError } from "@/lib/errors";
import { getRole, isRoleKey, roles, rolesByDomain, roleTitle } from "./registry";

describe("the role registry", () => {
  it("holds the ten roles of the seed, in order, each under its own key", () => {
    expect(roles.map((role) => role.key)).toEqual([...roleKeys]);
    expect(roles).toHaveLength(10);
    for (const role of roles) {
      expect(getRole(role.key)).toBe(role);
      expect(role.title.length).toBeGreaterThan(3);
      expect(role.mission).toMatch(/\.$/);
      expect(role.responsibilities.length).toBeGreaterThanOrEqual(3);
      expect(role.phases.assessment.length).toBeGreaterThan(0);
      expect(role.phases.implementation.length).toBeGreaterThan(0);
      expect(role.phases.excellence.length).toBeGreaterThan(0);
      expect(role.collaborators).toEqual(collaboratorsOf(role.key));
      expect(role.collaborators.length).toBeGreaterThan(0);
    }
  });

  it("answers unknown keys with NotFoundError", () => {
    expect(() => getRole("backend-developer")).toThrow(NotFoundError);
    expect(() => getRole("__proto__")).toThrow(NotFoundError);
    expect(isRoleKey("sre-engineer")).toBe(true);
    expect(isRoleKey("toString")).toBe(false);
    expect(isRoleKey(42)).toBe(false);
    expect(roleTitle("sre-engineer")).toBe("SRE Engineer");
  });

  it("groups the roles into the four domains of the issue", () => {
    expect(rolesByDomain().map((group) => [group.title, group.roles.map((role) => role.key)])).toEqual([
      ["Architecture & infrastructure as code", ["cloud-architect", "terraform-engineer"]],
      ["Runtime & delivery", ["kubernetes-specialist", "deployment-engineer", "devops-engineer"]],
      ["Reliability & incidents", ["sre-engineer", "incident-responder", "devops-incident-responder"]],
      ["Network & security", ["network-engineer", "security-engineer"]],
    ]);
  });

  it("carries the seed's targets", () => {
    const targets = (key: string) => getRole(key).targets.map((target) => `${target.label}: ${target.value}`);
    expect(targets("cloud-architect")).toEqual(["Availability: 99.99%", "Cost savings: > 30%"]);
    expect(targets("kubernetes-specialist")).toEqual(["Cluster resource utilisation: > 70%", "CIS Kubernetes Benchmark: Compliant"]);
    expect(targets("deployment-engineer")).toEqual(["Deployment frequency: > 10 per day", "Change failure rate: < 5%", "Mean time to restore: < 30 minutes"]);
    expect(targets("sre-engineer")).toEqual(["SLO compliance: > 99.9%", "Mean time to restore: < 30 minutes", "Toil, as a share of time: < 50%"]);
  });

  it("publishes every role's input as a JSON Schema object", () => {
    for (const role of roles) {
      const jsonSchema = z.toJSONSchema(role.schema, { io: "input" }) as { type: string; required: string[] };
      expect(jsonSchema.type, role.key).toBe("object");
      expect(jsonSchema.required.length, role.key).toBeGreaterThan(3);
    }
  });
});
