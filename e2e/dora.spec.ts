// DORA and targets pages on the demo data: the five metrics with levels, the charts, the organisation view,
// targets vs actuals, and a maintainer's own target. Screenshots at 1920×1080 go to test-results/.
import { test, expect, seedTeam, signIn } from "./fixtures";

const DEMO_PASSWORD = "demo-password-2026";

test.use({ viewport: { width: 1920, height: 1080 } });

test("the demo team's DORA metrics, the organisation's, and targets vs actuals", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, { email: "admin@demo.local" }, DEMO_PASSWORD);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "DORA" }).click();
  await expect(page.getByRole("heading", { name: "DORA metrics", level: 1 })).toBeVisible();
  const metrics = page.getByRole("region", { name: "The five metrics" });
  for (const label of ["Deployment frequency", "Lead time for changes", "Change failure rate", "Failed deployment recovery", "Rework rate"]) {
    await expect(metrics.getByText(label, { exact: true })).toBeVisible();
  }
  await expect(metrics.getByText("No data")).toHaveCount(0);
  await expect(page.getByTestId("dora-deployments-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: "test-results/dora-team-1920.png" });

  await page.getByRole("navigation", { name: "Window" }).getByRole("link", { name: "90 days" }).click();
  await expect(page.getByRole("navigation", { name: "Buckets" }).getByRole("link", { name: "Weekly" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("navigation", { name: "Scope" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByText(/^The whole organisation, production/)).toBeVisible();
  await page.screenshot({ path: "test-results/dora-organisation-1920.png" });

  await page.getByRole("link", { name: "Targets vs actuals" }).click();
  await expect(page.getByRole("heading", { name: "Targets vs actuals", level: 1 })).toBeVisible();
  await expect(page.getByTestId("verdict-deployment-engineer.deployment-frequency")).toHaveText(/Met|Missed/);
  await expect(page.getByTestId("verdict-deployment-engineer.change-failure-rate")).toHaveText(/Met|Missed/);
  await page.screenshot({ path: "test-results/dora-targets-1920.png", fullPage: true });
});

test("a team without deployments sees no data, not 0 %, and an owner sets the team's own target", async ({ page, asUser }) => {
  const team = await seedTeam("dora");
  await asUser(team.owner);
  await page.goto("/dora");
  await expect(page.getByRole("heading", { name: "No deployments recorded" })).toBeVisible();
  await page.goto("/dora/targets");
  const editor = page.getByTestId("target-editor-deployment-engineer.deployment-frequency");
  await editor.getByLabel(/The team's target for Deployment frequency/).fill("4");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("target-deployment-engineer.deployment-frequency")).toContainText("> 4 per day (the team's own)");
  await expect(page.getByTestId("verdict-deployment-engineer.deployment-frequency")).toHaveText("No data");
});

test("the incident page lists what changed before it began, and links the rollout as the cause in one click", async ({ page }) => {
  await signIn(page, { email: "admin@demo.local" }, DEMO_PASSWORD);
  await page.goto("/incidents");
  await page.getByRole("link", { name: /Card payments failing in the EU/ }).first().click();
  const panel = page.getByTestId("incident-what-changed");
  await expect(panel).toContainText("v3.2.0");
  const rollout = panel.locator("li", { hasText: "v3.2.0" });
  await rollout.getByRole("button", { name: "Link as cause" }).click();
  await expect(rollout.getByText("Named as the cause")).toBeVisible();
  await panel.screenshot({ path: "test-results/dora-what-changed.png" });
  await rollout.getByRole("button", { name: "Not the cause" }).click();
  await expect(rollout.getByRole("button", { name: "Link as cause" })).toBeVisible();
});
