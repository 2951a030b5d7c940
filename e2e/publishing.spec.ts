// Git delivery end to end, on the demo organisation: an owner adds a repository in Settings → Repositories,
// pointed at a real Git server this spec starts (`git http-backend` behind basic auth), tests its connection,
// then publishes an approved demo request from its page; the worker pushes it and the panel shows the
// publication with its commit, which is the branch's tip on the server.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { startGitServer, type GitServer } from "@/lib/testing/git-server";

const admin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";
let server: GitServer;

/** The fixtures' sign-in, with room for a slow first sign-in on a busy machine (bcrypt plus the first compile of the page). */
async function signIn(page: Page, user: { email: string }, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 45_000 });
}

test.beforeAll(async () => {
  server = await startGitServer();
  await server.createRepository("payments-infra", { files: { "README.md": "# Payments infrastructure\n" } });
});

test.afterAll(async () => {
  await server?.close();
});

test("configure a repository, test it, publish an approved request and see its commit", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const name = `Payments infra ${Date.now().toString(36)}`;
  await signIn(page, admin, demoPassword);
  await page.context().addCookies([{ name: "portal-team", value: "payments", url: baseURL! }]);

  await page.goto("/settings/repositories");
  await expect(page.getByRole("heading", { level: 1, name: "Repositories" })).toBeVisible();
  const form = page.getByRole("form", { name: "Add a repository" });
  // An SSH address is refused on the field, with the reason.
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Clone URL (HTTPS)").fill("git@github.com:acme/payments-infra.git");
  await form.getByRole("button", { name: "Add repository" }).click();
  await expect(form.getByText("SSH clone URLs are not supported")).toBeVisible({ timeout: 30_000 });

  await form.getByLabel("Clone URL (HTTPS)").fill(server.url("payments-infra"));
  await form.getByLabel("How the portal signs in").selectOption("BASIC");
  await form.getByLabel("Username").fill(server.username);
  await form.getByLabel("Password").fill(server.password);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await form.getByRole("button", { name: "Add repository" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText("infra/{role}/{request-slug}");
  await expect(page.content()).resolves.not.toContain(server.password);

  await card.getByRole("button", { name: "Test connection" }).click();
  const report = card.getByTestId("connection-report");
  await expect(report).toContainText("Read: passed", { timeout: 30_000 });
  await expect(report).toContainText("Push: passed");
  await page.screenshot({ path: "test-results/e2e/publishing-settings-1920.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: "test-results/e2e/publishing-settings-1366.png", fullPage: true });

  await page.goto("/requests/demo-request-network");
  const panel = page.getByTestId("publications-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const publish = panel.getByRole("button", { name: /^Publish/ });
  if (await panel.getByLabel("Repository").count()) await panel.getByLabel("Repository").selectOption({ label: name });
  await publish.click();
  const publication = panel.getByTestId("publication").first();
  await expect(publication).toHaveAttribute("data-state", "OPEN", { timeout: 60_000 });
  await expect(publication).toContainText(name);
  const commit = await publication.getByTestId("publication-commit").getAttribute("title");
  const branch = (await publication.locator("dd").first().innerText()).trim();
  expect(branch).toMatch(/^portal\//);
  expect(await server.revParse("payments-infra", `refs/heads/${branch}`)).toBe(commit);
  await expect(panel.getByRole("button", { name: /^Publish/ })).toBeVisible();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: "test-results/e2e/publishing-request-1920.png", fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/e2e/publishing-request-1366.png", fullPage: false });

  // With the Git server gone, the request page still opens and shows what was published.
  await server.close();
  await page.reload();
  await expect(page.getByTestId("publications-panel").getByTestId("publication").first()).toContainText(commit!.slice(0, 12), { timeout: 30_000 });
});
