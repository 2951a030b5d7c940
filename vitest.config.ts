import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server bundle; tests and the CLI run our server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
};

const demoSeedTests = ["lib/**/demo.integration.test.ts", "lib/**/*-demo.integration.test.ts"];
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
          include: ["{lib,components,app,scripts}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.integration.test.{ts,tsx}", "node_modules/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          // Runs after the unit project; needed because the two projects use different worker counts.
          sequence: { groupOrder: 1 },
          include: ["{lib,app,scripts}/**/*.integration.test.{ts,tsx}"],
          exclude: [...demoSeedTests, "node_modules/**"],
          ...integration,
          // Tests isolate themselves with their own teams and users, so files may share one database.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "demo seeds",
          // The demo seeds share the demo teams and move the SLO demo to "now": one file at a time, after
          // the other integration tests, so no seed runs while another asserts on what it wrote.
          sequence: { groupOrder: 2 },
          include: demoSeedTests,
          ...integration,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
