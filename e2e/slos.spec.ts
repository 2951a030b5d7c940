// SLOs end to end: a member creates a service and an SLO, uploads CSV samples (a bad file is refused with
// its lines named), watches the status go from no data to healthy to paging, and downloads the exports.
import { readFileSync } from "node:fs";
import { test, expect, seedTeam, signIn } from "./fixtures";

/** CSV of one-minute samples ending at the previous whole minute. */
function csv(minutes: number, errorShareOf: (minutesAgo: number) => number, perMinute = 1_000): string {
  const lastMinute = Math.floor(Date.now() / 60_000) - 1;
  const lines = ["timestamp,good,total"];
  for (let ago = minutes - 1; ago >= 0; ago--) {
    const bad = Math.round(perMinute * errorShareOf(ago));
    lines.push(`${new Date((lastMinute - ago) * 60_000).toISOString()},${perMinute - bad},${perMinute}`);
  }
  return `${lines.join("\n")}\n`;
}

async function upload(page: import("@playwright/test").Page, name: string, content: string) {
  await page.getByRole("link", { name: "Upload CSV" }).click();
  await expect(page.getByRole("heading", { name: "Upload SLI samples", level: 1 })).toBeVisible();
  await page.getByLabel("CSV file of samples").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
}

test("a member creates a service and an SLO, uploads CSV samples, sees the status change and downloads the exports", async ({ page, asUser }) => {
  test.setTimeout(120_000);
  const team = await seedTeam("slo");
  await asUser(team.member);

  // A service, with a field-level error first.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }).click();
  await expect(page.getByRole("heading", { name: "No services yet" })).toBeVisible();
  await page.getByRole("link", { name: "New service" }).first().click();
  await page.getByLabel("Name").fill("Checkout API");
  await expect(page.getByLabel("Slug")).toHaveValue("checkout-api");
  await page.getByLabel("Tier").selectOption("1");
  await page.getByLabel("Runbook").fill("not a url");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Enter a full http(s) URL")).toBeVisible();
  await page.getByLabel("Runbook").fill("https://wiki.example.com/runbooks/checkout");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByRole("heading", { name: "Checkout API", level: 1 })).toBeVisible();
  await expect(page.getByText("Tier 1", { exact: true })).toBeVisible();

  // An SLO on it.
  await page.getByRole("link", { name: "New SLO" }).first().click();
  await page.getByLabel("Name").fill("Checkout availability");
  await page.getByRole("textbox", { name: "Good events" }).fill('http_requests_total{service="checkout",code!~"5.."}');
  await page.getByRole("textbox", { name: "All events" }).fill('http_requests_total{service="checkout"}');
  await page.getByLabel("Objective (%)").fill("99.9");
  await expect(page.getByTestId("budget-preview")).toContainText("43.2 min");
  await page.getByRole("button", { name: "Create SLO" }).click();
  await expect(page.getByRole("heading", { name: "Checkout availability", level: 1 })).toBeVisible();
  const sloUrl = page.url();
  const sloId = sloUrl.split("/slos/")[1];
  await expect(page.locator("[data-status]").first()).toHaveText("No data");
  await expect(page.getByTestId("attainment")).toHaveText("No data");

  // A bad file is refused whole, naming its lines.
  await upload(page, "bad.csv", `timestamp,good,total\n${new Date(Date.now() - 120_000).toISOString()},5,4\nyesterday,1,1\n`);
  const problems = page.getByTestId("csv-problems");
  await expect(problems).toContainText("2 problems");
  await expect(problems).toContainText("Line 2: good (5) is greater than total (4)");
  await expect(problems).toContainText("Line 3: timestamp must be an ISO 8601 time");
  await expect(page.getByRole("button", { name: /^Store/ })).toHaveCount(0);

  // Two days of clean traffic: healthy.
  await page.getByLabel("CSV file of samples").setInputFiles({ name: "clean.csv", mimeType: "text/csv", buffer: Buffer.from(csv(2_880, () => 0)) });
  const preview = page.getByTestId("csv-preview");
  await expect(preview).toContainText("2,880");
  await expect(preview).toContainText("100.000 %");
  await page.getByRole("button", { name: "Store 2,880 minutes" }).click();
  await expect(page).toHaveURL(sloUrl);
  await expect(page.locator("[data-status]").first()).toHaveText("Healthy");
  await expect(page.getByTestId("attainment")).toHaveText("100.00 %");

  // The last hour again, now at 3 % errors: those minutes are replaced, and the SLO pages.
  await upload(page, "outage.csv", csv(60, () => 0.03));
  await page.getByRole("button", { name: "Store 60 minutes" }).click();
  await expect(page).toHaveURL(sloUrl);
  await expect(page.locator("[data-status]").first()).toHaveText("Critical (page)");
  await expect(page.getByTestId("firing-alerts")).toContainText("Page · fast burn");
  await expect(page.getByTestId("alert-page-fast")).toContainText("Firing");
  await expect(page.getByTestId("burn-5m")).toContainText("30.0×");

  // The team list shows it too, worst first.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "SLOs" }).click();
  await expect(page.getByTestId("slo-row-checkout-availability")).toContainText("Critical (page)");
  await expect(page.getByTestId("summary-page")).toContainText("1");

  // Exports: a download from the menu, and the other formats through the API with the session.
  await page.goto(sloUrl);
  await page.getByRole("button", { name: "Export" }).click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /Prometheus rules/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${team.slug}-checkout-api-checkout-availability.rules.yaml`);
  const rules = readFileSync((await download.path())!, "utf8");
  expect(rules).toContain("record: slo:sli_error:ratio_rate5m");
  expect(rules).toContain("alert: CheckoutApiCheckoutAvailability");
  expect(rules).toContain("runbook_url: https://wiki.example.com/runbooks/checkout");
  const openslo = await page.request.get(`/api/v1/slos/${sloId}/export?format=openslo`);
  expect(openslo.status()).toBe(200);
  expect(await openslo.text()).toContain("kind: SLO");
  const sloth = await page.request.get(`/api/v1/slos/${sloId}/export?format=sloth`);
  expect(await sloth.text()).toContain("version: prometheus/v1");
});

test("viewers read SLOs without upload or edit controls, and other teams get not found", async ({ page, browser }) => {
  const team = await seedTeam("slov");
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  const teamRow = await db.team.findUniqueOrThrow({ where: { slug: team.slug } });
  const service = await db.service.create({ data: { teamId: teamRow.id, slug: "ledger", name: "Ledger", tier: 1 } });
  const slo = await db.slo.create({ data: { teamId: teamRow.id, serviceId: service.id, slug: "writes", name: "Ledger writes", sliKind: "RATIO", goodQuery: 'w_total{ok="1"}', totalQuery: "w_total", objective: 99.95, windowDays: 28 } });

  await signIn(page, team.viewer);
  await page.goto(`/slos/${slo.id}`);
  await expect(page.getByRole("heading", { name: "Ledger writes", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Upload CSV" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export" })).toBeVisible();

  const outsiders = await seedTeam("slox");
  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, outsiders.owner);
  const response = await other.goto(`/slos/${slo.id}`);
  expect(response?.status()).toBe(404);
  expect((await other.request.get(`/api/v1/slos/${slo.id}`)).status()).toBe(404);
  await context.close();
});
