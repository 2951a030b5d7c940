// A small role used by the form, answer and diff tests: it has every widget, a condition across steps,
// a computed default, a group with a per-item condition and a cross-field rule. Tests stay independent
// of the real roles' schemas, which change with their own reviews.
import { z } from "zod";
import { text } from "@/lib/validation/text";
import type { AnyRoleDefinition, FormValues } from "@/lib/agents/types";

const schema = z
  .object({
    name: text({ error: "Enter the app name" }).trim().min(1, "Enter the app name"),
    environment: z.enum(["dev", "staging", "production"], { error: "Pick an environment" }),
    minReplicas: z.number({ error: "Enter the minimum replicas" }).int().min(1, "At least 1 replica"),
    maxReplicas: z.number({ error: "Enter the maximum replicas" }).int().min(1, "At least 1 replica"),
    strategy: z.enum(["rolling", "canary"], { error: "Pick a strategy" }),
    canary: z.object({ percent: z.number({ error: "Enter the canary share" }).min(1).max(50, "At most 50%") }).optional(),
    tiers: z
      .array(
        z.object({
          name: text({ error: "Name the tier" }).min(1, "Name the tier"),
          hosts: z.number({ error: "Enter the hosts" }).int().min(1, "At least 1 host"),
          public: z.boolean().default(false),
          nat: z.enum(["single", "per-az"]).optional(),
        }),
      )
      .min(1, "Add at least one tier"),
    cidr: text().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, "Enter a CIDR such as 10.0.0.0/16").optional(),
    features: z.array(z.enum(["metrics", "tracing", "logs"])).default([]),
    tags: z.array(text().min(1)).default([]),
    notes: text().max(500).optional(),
    approvals: z.boolean().default(false),
  })
  .superRefine((value, context) => {
    if (value.minReplicas > value.maxReplicas) {
      context.addIssue({ code: "custom", path: ["maxReplicas"], message: "The maximum must be at least the minimum" });
    }
    if (value.strategy === "canary" && !value.canary) {
      context.addIssue({ code: "custom", path: ["canary", "percent"], message: "Enter the canary share" });
    }
  });

export const fixtureRole = {
  key: "deployment-engineer",
  title: "Fixture deployer",
  mission: "Tests the form.",
  domain: "runtime-delivery",
  responsibilities: [],
  targets: [],
  phases: { assessment: [], implementation: [], excellence: [] },
  collaborators: [],
  schema,
  steps: [
    { id: "basics", title: "Basics" },
    { id: "rollout", title: "Rollout" },
    { id: "network", title: "Network" },
    { id: "extras", title: "Extras" },
  ],
  fields: [
    { path: "name", label: "App name", widget: "text", step: "basics", required: true },
    {
      path: "environment",
      label: "Environment",
      widget: "select",
      step: "basics",
      options: [
        { value: "dev", label: "Development" },
        { value: "staging", label: "Staging" },
        { value: "production", label: "Production" },
      ],
    },
    {
      path: "minReplicas",
      label: "Minimum replicas",
      widget: "number",
      step: "basics",
      unit: "replicas",
      computedDefault: (values: FormValues) => (values.environment === "production" ? 3 : 1),
    },
    { path: "maxReplicas", label: "Maximum replicas", widget: "number", step: "basics", unit: "replicas" },
    {
      path: "strategy",
      label: "Strategy",
      widget: "radio",
      step: "rollout",
      options: [
        { value: "rolling", label: "Rolling update" },
        { value: "canary", label: "Canary release" },
      ],
    },
    { path: "canary.percent", label: "Canary share", widget: "number", unit: "%", step: "network", showWhen: (values: FormValues) => values.strategy === "canary" },
    {
      path: "tiers",
      label: "Subnet tiers",
      widget: "group",
      step: "network",
      minItems: 1,
      itemFields: [
        { path: "name", label: "Tier name", widget: "text" },
        { path: "hosts", label: "Hosts per subnet", widget: "number" },
        { path: "public", label: "Public", widget: "checkbox" },
        {
          path: "nat",
          label: "NAT",
          widget: "select",
          options: [
            { value: "single", label: "One shared NAT gateway" },
            { value: "per-az", label: "One NAT gateway per zone" },
          ],
          showWhen: (item: FormValues) => item.public !== true,
        },
      ],
      newItem: () => ({ name: "", public: false }),
    },
    { path: "cidr", label: "Base CIDR", widget: "cidr", step: "network" },
    {
      path: "features",
      label: "Observability",
      widget: "multiselect",
      step: "extras",
      options: [
        { value: "metrics", label: "Metrics" },
        { value: "tracing", label: "Distributed tracing" },
        { value: "logs", label: "Logs" },
      ],
    },
    { path: "tags", label: "Tags", widget: "tags", step: "extras" },
    { path: "notes", label: "Notes", widget: "textarea", step: "extras" },
    { path: "approvals", label: "Production approvals", widget: "checkbox", step: "extras" },
  ],
  initialValues: { environment: "dev", strategy: "rolling", tiers: [{ name: "public", hosts: 50, public: true }], features: [], tags: [] },
  example: {
    name: "checkout",
    environment: "production",
    minReplicas: 3,
    maxReplicas: 10,
    strategy: "canary",
    canary: { percent: 10 },
    tiers: [
      { name: "public", hosts: 50, public: true },
      { name: "private", hosts: 500, public: false, nat: "per-az" },
    ],
    cidr: "10.20.0.0/16",
    features: ["metrics", "logs"],
    tags: ["team:payments"],
    approvals: true,
  },
  defaultTitle: (input: { name: string }) => `${input.name} deployment`,
} as unknown as AnyRoleDefinition;
