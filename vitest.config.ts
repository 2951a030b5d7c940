import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server bundle; tests and the CLI run our server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
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
          environment: "node",
          // Runs after the unit project; needed because the two projects use different worker counts.
          sequence: { groupOrder: 1 },
          include: ["{lib,app,scripts}/**/*.integration.test.{ts,tsx}"],
          globalSetup: ["lib/testing/integration-global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Tests isolate themselves with their own teams and users, so files may share one database.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
