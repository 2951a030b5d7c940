// Settings → Deployments: a maintainer creates an Argo CD receiver, sees its URL, secret and template once,
// rotates the secret and deletes it; a member is told who can. The demo SLO's charts mark its service's
// deployments beside the incidents. Screenshots at 1920×1080 go to test-results/.
import { test, expect, seedTeam, signIn } from "./fixtures";

test.use({ viewport: { width: 1920, height: 1080 } });

async function addService(teamSlug: string) {
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  const team = await db.team.findUniqueOrThrow({ where: { slug: teamSlug } });
  await db.service.create({ data: { teamId: team.id, slug: "checkout-api", name: "Checkout API" } });
}

test("a maintainer creates a receiver, sees its secret once, rotates it and deletes it", async ({ page, asUser }) => {
  test.setTimeout(120_000);
  const team = await seedTeam("hooks");
  await addService(team.slug);
  await asUser(team.maintainer);
  await page.goto("/settings/deployments");
  await expect(page.getByRole("heading", { name: "Deployment webhooks", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No receivers yet" })).toBeVisible();

  await page.getByLabel("Format").selectOption("argocd");
  await page.getByRole("button", { name: "Create receiver" }).click();
  const panel = page.getByTestId("signing-secret-panel");
  await expect(panel.getByRole("heading", { name: "Argo CD receiver for Checkout API" })).toBeVisible({ timeout: 30_000 });
  const secret = await panel.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(32);
  await expect(panel.getByTestId("hook-url")).toHaveText(/^https?:\/\/.+\/api\/v1\/deployments\/hooks\/[a-z0-9]+\/deliveries$/);
  await panel.getByText("Argo CD template to paste").click();
  await expect(panel.getByLabel("Argo CD notifications template")).toContainText("X-Portal-Webhook-Secret");
  await page.screenshot({ path: "test-results/settings-deployments-created-1920.png", fullPage: true });
  await panel.getByRole("button", { name: "I have stored it" }).click();

  // The list never shows the secret again.
  const receivers = page.getByRole("list", { name: "Deployment receivers" });
  await expect(receivers.getByRole("heading", { name: "Argo CD · Checkout API" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(secret);
  await expect(receivers).toContainText("No delivery yet");

  await receivers.getByRole("button", { name: "Rotate secret" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = await dialog.getByRole("textbox", { name: "Signing secret" }).inputValue();
  expect(rotated).not.toBe(secret);
  await page.screenshot({ path: "test-results/settings-deployments-rotated-1920.png" });
  await dialog.getByRole("button", { name: "I have stored it" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.locator("body")).not.toContainText(rotated);

  await receivers.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete receiver" }).click();
  await expect(page.getByRole("heading", { name: "No receivers yet" })).toBeVisible({ timeout: 30_000 });
});

test("a member is told that maintainers and owners set up receivers", async ({ page, asUser }) => {
  const team = await seedTeam("hooks");
  await asUser(team.member);
  await page.goto("/settings/deployments");
  await expect(page.getByRole("heading", { name: "Maintainers and owners only" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create receiver" })).toHaveCount(0);
});

test("a demo SLO's charts mark its service's deployments beside the incidents, and list them", async ({ page, baseURL }) => {
  await signIn(page, { email: "admin@demo.local" }, "demo-password-2026");
  await page.context().addCookies([{ name: "portal-team", value: "payments", url: baseURL! }]);
  await page.goto("/slos");
  await page.getByRole("link", { name: "Checkout availability" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout availability");
  const burndown = page.getByTestId("burndown-chart");
  await expect(burndown).toHaveAttribute("data-deployment-markers", /^[1-9]/);
  await expect(burndown).toHaveAttribute("aria-label", /Dashed lines: \d+ deployments?/);
  await expect(burndown.locator(".deployment-marker").first()).toBeAttached();
  await expect(page.getByTestId("sli-chart")).toHaveAttribute("data-deployment-markers", /^[1-9]/);
  const list = page.getByTestId("slo-deployments");
  await expect(list.getByRole("heading", { name: "Deployments in the window" })).toBeVisible();
  await expect(list.getByRole("listitem").first()).toContainText(/succeeded|failed|rolled back|in progress/);
  await page.screenshot({ path: "test-results/slo-deployment-markers-1920.png", fullPage: true });
});
