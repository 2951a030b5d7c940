import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server bundle; tests and the CLI run our server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

// Tests that need the database to themselves: the demo seeds (they share the demo teams) and the worker's
// delivery tests (a running worker takes every due delivery in the database).
// The production-server tests (the standalone build, two replicas and a worker) too: they share the one
// production build and are heavy for two cores.
const exclusiveTests = ["lib/**/demo.integration.test.ts", "lib/**/*-demo.integration.test.ts", "lib/worker/**/*.integration.test.ts", "scripts/standalone.integration.test.ts", "scripts/replicas.integration.test.ts", "scripts/body-limits.integration.test.ts"];
const integration = {
  environment: "node" as const,
  globalSetup: ["lib/testing/integration-global-setup.ts"],
  setupFiles: ["lib/testing/integration-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          sequence: { groupOrder: 0 },
          include: ["{lib,components,app,scripts,deploy}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.{ts,tsx}", "node_modules/**"],
          // GitHub's workflow parser imports its JSON schemas without import attributes, which Node refuses;
          // bundled through Vite it loads (used by lib/agents/artifact-properties.test.ts).
          server: { deps: { inline: ["@actions/workflow-parser"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // Runs after the unit project; needed because the two projects use different worker counts.
          sequence: { groupOrder: 1 },
          include: ["{lib,app,scripts}/**/*.integration.test.{ts,tsx}"],
          exclude: [...exclusiveTests, "node_modules/**"],
          ...integration,
          // Tests isolate themselves with their own teams and users, so files may share one database.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "exclusive",
          // The demo seeds share the demo teams and move the SLO demo to "now", and a worker delivers whatever
          // is due: one file at a time, after the other integration tests, so none sees another's writes.
          sequence: { groupOrder: 2 },
          include: exclusiveTests,
          ...integration,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
