// Accessibility as a test: axe-core on every page of the portal (the signed-in pages with the demo data,
// each step of the request form, each tab of a request, meeting mode, the print view, and the sign-in page),
// in light and dark at 1920×1080 and at a 390×844 phone. Any serious or critical violation fails, listed
// with its rule, its target and the page. The four configurations are four tests, so one failing does not
// hide the others; each worker signs in once and reuses that session.
//
// Nothing is excluded: every rule runs on every element.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const demoAdmin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";

const configurations = [
  { name: "1920×1080 light", viewport: { width: 1920, height: 1080 }, colorScheme: "light" },
  { name: "1920×1080 dark", viewport: { width: 1920, height: 1080 }, colorScheme: "dark" },
  { name: "390×844 light", viewport: { width: 390, height: 844 }, colorScheme: "light" },
  { name: "390×844 dark", viewport: { width: 390, height: 844 }, colorScheme: "dark" },
] as const;
type Configuration = (typeof configurations)[number];

// One signed-in session per worker, shared by the configurations that worker runs.
let session: Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> | undefined;
function signedInState(browser: Browser) {
  session ??= (async () => {
    const context = await browser.newContext();
    await signIn(await context.newPage(), demoAdmin, demoPassword);
    const state = await context.storageState();
    await context.close();
    return state;
  })();
  return session;
}

/** axe's serious and critical violations on what the page shows now: one line per rule, with its targets. */
async function violations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(" "));
      const more = targets.length > 3 ? ` and ${targets.length - 3} more` : "";
      return `${violation.id} (${violation.impact}) on ${label}: ${targets.slice(0, 3).join(" | ")}${more} — ${violation.help}`;
    });
}

async function firstHref(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  await expect(link, `a link matching ${selector} on ${page.url()}`).toBeVisible();
  return (await link.getAttribute("href"))!;
}

/** Opens a page and waits until what it shows is drawn (its main landmark, or a given element). */
async function open(page: Page, path: string, ready?: (page: Page) => Locator) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await expect(ready ? ready(page) : page.locator("main").first()).toBeVisible({ timeout: 30_000 });
}

async function audit(browser: Browser, configuration: Configuration) {
  const options = { viewport: configuration.viewport, colorScheme: configuration.colorScheme };
  const found: string[] = [];
  // Each page's findings are printed as they come, so a run cut short still says what it saw.
  const check = async (page: Page, label: string) => {
    const lines = await violations(page, label);
    for (const line of lines) console.log(`[axe ${configuration.name}] ${line}`);
    found.push(...lines);
  };

  // Signed out: the sign-in page.
  const signedOut = await browser.newContext(options);
  const outPage = await signedOut.newPage();
  await open(outPage, "/sign-in", (page) => page.getByRole("button", { name: "Sign in" }));
  await check(outPage, "/sign-in");
  await signedOut.close();

  const context = await browser.newContext({ ...options, storageState: await signedInState(browser) });
  const page = await context.newPage();
  const visit = async (path: string, ready?: (page: Page) => Locator) => {
    await open(page, path, ready);
    await check(page, path);
  };

  await visit("/");
  await visit("/roles");
  await visit("/roles/sre-engineer");
  await visit("/requests");
  await visit("/requests/new");

  // The form at each step, with a demo request's answers (a copy: nothing is saved until something changes).
  const formPath = "/requests/new?role=cloud-architect&from=demo-request-cloud";
  await open(page, formPath, (page) => page.getByRole("navigation", { name: "Form steps" }));
  const stepButtons = page.getByRole("navigation", { name: "Form steps" }).getByRole("button");
  const steps = await stepButtons.count();
  expect(steps, "the form's steps").toBeGreaterThan(1);
  for (let index = 0; index < steps; index++) {
    await stepButtons.nth(index).click();
    await expect(stepButtons.nth(index)).toHaveAttribute("aria-current", "step");
    await check(page, `${formPath} step ${index + 1}`);
  }

  // A request with each of its tabs; the artifacts tab once its first diagram is drawn.
  const requestPath = "/requests/demo-request-network";
  await visit(requestPath);
  const tabs = page.getByRole("tablist", { name: "Request sections" });
  for (const tab of ["Artifacts", "Discussion", "History"]) {
    await tabs.getByRole("tab", { name: new RegExp(`^${tab}`) }).click();
    await expect(tabs.getByRole("tab", { name: new RegExp(`^${tab}`) })).toHaveAttribute("aria-selected", "true");
    if (tab === "Artifacts") await expect(page.locator('[data-testid="mermaid-diagram"] svg').first()).toBeVisible({ timeout: 30_000 });
    await check(page, `${requestPath} ${tab} tab`);
  }
  await visit(`${requestPath}/print`, (page) => page.locator("h1").first());

  await visit("/slos");
  const slo = await firstHref(page, 'main a[href^="/slos/"]:not([href="/slos/new"])');
  await visit(slo, (page) => page.locator("main svg").first());
  await visit(`${slo}/edit`);
  await visit(`${slo}/upload`);
  await visit("/slos/new");
  await visit("/services");
  const service = await firstHref(page, 'main a[href^="/services/"]:not([href="/services/new"])');
  await visit(service);
  await visit(`${service}/edit`);
  await visit("/services/new");

  await visit("/incidents");
  const incident = await firstHref(page, 'main a[href^="/incidents/"]:not([href="/incidents/new"]):not([href="/incidents/metrics"])');
  await visit(incident);
  await visit(`${incident}/postmortem`);
  await visit("/incidents/metrics");
  await visit("/incidents/new");

  await visit("/reviews");
  await visit("/reviews/meetings");
  await visit("/reviews/meetings/new");
  await visit("/reviews/meetings/demo-meeting-payments-upcoming");
  await visit("/reviews/meetings/demo-meeting-payments-ended", (page) => page.getByTestId("minutes"));
  await visit("/reviews/meetings/demo-meeting-payments-upcoming/present", (page) => page.locator("h1:visible").first());
  await visit("/decisions");
  await visit("/decisions/demo-decision-payments-cidr");

  await visit("/dora");
  await visit("/dora/targets");

  for (const settings of ["", "/members", "/tokens", "/data-sources", "/repositories", "/notifications", "/reviews", "/teams/new"]) {
    await visit(`/settings${settings}`);
  }
  await visit("/sign-out");
  await context.close();
  return found;
}

test.describe.configure({ mode: "parallel" });

for (const configuration of configurations) {
  test(`no serious or critical axe violations at ${configuration.name}`, async ({ browser }) => {
    // About 50 pages: a minute or two alone, much longer on a loaded machine.
    test.setTimeout(900_000);
    const found = await audit(browser, configuration);
    expect(found, `${configuration.name}:\n${found.join("\n")}`).toEqual([]);
  });
}
