// End-to-end tests against the production build, started exactly as `npm start` starts it, on a fresh
// embedded database in .data/e2e (or E2E_DATABASE_URL when given).
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: "rm -rf .data/e2e && npm start",
    url: `${baseURL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: ".data/e2e",
      EMBEDDED_DB_PORT: process.env.E2E_DB_PORT ?? "54339",
      DEMO_MODE: "true",
      BCRYPT_COST: "8",
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-use-0123456789",
      NEXTAUTH_URL: baseURL,
      // Notifications: the spec's receiver listens on 127.0.0.1, and retries and the worker's polling are
      // shortened so that deliveries show within seconds.
      WEBHOOK_ALLOW_PRIVATE: "true",
      OUTBOX_RETRY_BASE_MS: "200",
      WORKER_POLL_MS: "200",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
