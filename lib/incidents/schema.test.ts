import { describe, expect, it } from "vitest";
import { addEventSchema, createActionItemSchema, declareIncidentSchema, instantSchema, listFiltersFromQuery, updateIncidentSchema } from "@/lib/incidents/schema";

describe("incident input", () => {
  it("reads a form's datetime-local value as UTC and keeps an API time's offset", () => {
    expect(instantSchema.parse("2026-11-28T09:41")).toEqual(new Date("2026-11-28T09:41:00Z"));
    expect(instantSchema.parse("2026-11-28T09:41:30")).toEqual(new Date("2026-11-28T09:41:30Z"));
    expect(instantSchema.parse("2026-11-28T10:41:00+01:00")).toEqual(new Date("2026-11-28T09:41:00Z"));
    expect(instantSchema.safeParse("28/11/2026 09:41").success).toBe(false);
  });

  it("parses its own output again to the same value (routes validate, then the lib does)", () => {
    const once = declareIncidentSchema.parse({ team: "payments", title: "Down", severity: "SEV1", services: "a,b", customerImpact: "on", detectedAt: "2026-11-28T09:41" });
    expect(declareIncidentSchema.parse(once)).toEqual(once);
    const item = createActionItemSchema.parse({ title: "Add alert", dueDate: "2026-12-01" });
    expect(createActionItemSchema.parse(item)).toEqual(item);
  });

  it("takes the declare form's values: services as a comma list, customer impact as a checkbox", () => {
    expect(declareIncidentSchema.parse({ title: "  Checkout down ", severity: "SEV2", services: "checkout-api, payment-gateway", customerImpact: "on" })).toEqual({
      title: "Checkout down",
      severity: "SEV2",
      services: ["checkout-api", "payment-gateway"],
      summary: "",
      type: "OPERATIONAL",
      customerImpact: true,
    });
  });

  it("says what is wrong with a declaration, per field", () => {
    const result = declareIncidentSchema.safeParse({ title: "x", severity: "SEV9", services: [""] });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]))).toMatchObject({
      title: "Say what is wrong in at least 3 characters",
      severity: "Choose a severity from SEV1 to SEV5",
    });
  });

  it("treats an empty time in an update as clearing it, and refuses an update that changes nothing", () => {
    expect(updateIncidentSchema.parse({ impactStartedAt: "" })).toEqual({ impactStartedAt: null });
    expect(updateIncidentSchema.safeParse({ version: 3 }).success).toBe(false);
  });

  it("accepts only the event types people write, and only web links", () => {
    expect(addEventSchema.safeParse({ type: "STATUS_CHANGE", body: "x" }).success).toBe(false);
    expect(addEventSchema.safeParse({ type: "NOTE", body: "x", link: "javascript:alert(1)" }).success).toBe(false);
    expect(addEventSchema.parse({ type: "DEPLOY", body: "v2", link: "", occurredAt: "" })).toEqual({ type: "DEPLOY", body: "v2" });
  });

  it("drops a list page's filters that are not valid, and keeps the rest", () => {
    expect(listFiltersFromQuery({ status: "active", severity: "SEV9", page: "2" })).toEqual({ status: "active", severity: undefined, page: 2 });
    expect(listFiltersFromQuery({ status: "resolved", severity: "major", page: "-1" })).toEqual({ status: undefined, severity: "major", page: undefined });
  });

  it("checks that a due date is a real day", () => {
    expect(createActionItemSchema.parse({ title: "Add alert", dueDate: "2026-12-01" }).dueDate).toEqual(new Date("2026-12-01T00:00:00Z"));
    expect(createActionItemSchema.safeParse({ title: "Add alert", dueDate: "2026-02-30" }).success).toBe(false);
    expect(createActionItemSchema.parse({ title: "Add alert", dueDate: "" }).dueDate).toBeNull();
  });
});
