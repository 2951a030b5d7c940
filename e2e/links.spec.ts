// The cross-links between requests, SLOs, incidents and roles, on the demo organisation: adopt SLOs from an
// SRE request, declare an incident from an incident-responder request, see incidents on an SLO's charts,
// and follow the roles page's collaboration map.
import { test, expect, signIn } from "./fixtures";

const admin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";

test("adopt the SLOs an SRE request describes, once, and find them on /slos linked back to the request", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, admin, demoPassword);
  await page.goto("/requests/demo-request-sre-refunds");
  const links = page.getByTestId("request-slo-links");
  await expect(links).toContainText("describes 2 SLIs for refunds-api");
  await links.getByRole("button", { name: "Create SLOs from this request" }).click();

  const dialog = page.getByRole("dialog", { name: "Create SLOs from this request" });
  await expect(dialog.getByLabel("Service")).toHaveValue("__new__");
  const rows = dialog.getByRole("table", { name: "SLOs to create" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Refunds availability");
  await expect(rows.nth(1)).toContainText("99.9 %");
  await expect(rows.nth(2)).toContainText("Latency");
  await dialog.getByRole("button", { name: "Create 2 SLOs" }).click();
  await expect(dialog).toBeHidden();

  // The card now lists them, and offers no second adoption of this revision.
  await expect(links.getByRole("link", { name: "Refunds availability" })).toBeVisible();
  await expect(links.getByRole("button", { name: "Create SLOs from this request" })).toHaveCount(0);

  // The API agrees: adopting the same revision again creates nothing.
  const again = await page.request.post(`${baseURL}/api/v1/requests/demo-request-sre-refunds/adopt-slos`, { data: {} });
  expect(again.status()).toBe(200);
  expect((await again.json()).alreadyAdopted).toBe(true);

  await page.context().addCookies([{ name: "portal-team", value: "payments", url: baseURL! }]);
  await page.goto("/slos");
  await page.getByRole("link", { name: "Refunds availability" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refunds availability");
  const source = page.getByTestId("slo-source-request");
  await expect(source).toContainText("Created from request");
  await expect(source).toContainText("revision 1");
  await source.getByRole("link").click();
  await expect(page).toHaveURL(/\/requests\/demo-request-sre-refunds$/);
});

test("declare an incident from an incident-responder request and read the attached runbook", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, admin, demoPassword);
  await page.goto("/requests/demo-request-incident");
  const links = page.getByTestId("request-incident-links");
  await links.getByRole("button", { name: "Declare an incident from this request" }).click();
  const dialog = page.getByRole("dialog", { name: "Declare an incident" });
  await expect(dialog.getByLabel("What is wrong?")).toHaveValue(/^SEV1 security incident/);
  await expect(dialog.getByLabel("Severity")).toHaveValue("SEV1");
  await expect(dialog.getByLabel("Type")).toHaveValue("SECURITY");
  await expect(dialog).toContainText("The runbook is attached from incident/response-plan.md, incident/timeline.md.");
  await dialog.getByLabel("What is wrong?").fill("Leaked CI token used against payment workers");
  await dialog.getByRole("button", { name: "Declare incident" }).click();

  await expect(page).toHaveURL(/\/incidents\/[a-z0-9]+$/);
  await expect(page.getByTestId("incident-header").getByRole("heading", { level: 1 })).toHaveText("Leaked CI token used against payment workers");
  const runbook = page.getByTestId("incident-runbook");
  await expect(runbook).toContainText("Declared from the Incident Responder request");
  await expect(runbook.getByRole("heading", { name: /^Incident response plan/ })).toBeHidden();
  await runbook.getByText("Show the runbook").click();
  await expect(runbook.getByRole("heading", { name: "Incident response plan: SEV1 security incident" })).toBeVisible();

  // Back to the request: it lists the incident.
  await runbook.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/requests\/demo-request-incident$/);
  await expect(page.getByTestId("request-incident-links").getByRole("link", { name: /Leaked CI token used against payment workers/ })).toBeVisible();
});

test("a demo SLO's charts shade the incidents on its service, listed and linked under the charts", async ({ page, baseURL }) => {
  await signIn(page, admin, demoPassword);
  await page.context().addCookies([{ name: "portal-team", value: "payments", url: baseURL! }]);
  await page.goto("/slos");
  await page.getByRole("link", { name: "Checkout availability" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checkout availability");
  const burndown = page.getByTestId("burndown-chart");
  await expect(burndown).toHaveAttribute("data-incident-markers", /^[1-9]/);
  await expect(burndown).toHaveAttribute("aria-label", /Shaded: \d+ incidents? \(INC-/);
  await expect(burndown.locator(".recharts-reference-area").first()).toBeVisible();
  await expect(page.getByTestId("sli-chart")).toHaveAttribute("data-incident-markers", /^[1-9]/);
  const list = page.getByTestId("slo-incidents");
  await list.getByRole("link", { name: /Checkout API 5xx spike in eu-west-1/ }).click();
  await expect(page).toHaveURL(/\/incidents\/[a-z0-9]+$/);
  // The incident links back: the budget its window consumed on the service's SLOs.
  await expect(page.getByTestId("incident-slo-impact").getByRole("link", { name: "Checkout API · Checkout availability" })).toBeVisible();
});

test("the roles page's collaboration map links every role to its page", async ({ page }) => {
  await signIn(page, admin, demoPassword);
  await page.goto("/roles");
  const map = page.getByTestId("collaboration-map");
  await expect(map.getByTestId("collaboration-map-diagram").locator("svg")).toBeVisible({ timeout: 20_000 });
  await expect(map.getByTestId("collaboration-map-diagram").locator('a[*|href="/roles/sre-engineer"]').first()).toBeAttached();
  const roles = map.getByRole("navigation", { name: "Roles on the map" });
  await expect(roles.getByRole("link")).toHaveCount(10);
  await roles.getByRole("link", { name: "Network Engineer" }).click();
  await expect(page).toHaveURL(/\/roles\/network-engineer$/);
});
