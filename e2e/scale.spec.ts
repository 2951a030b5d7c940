// What the scale work changes in the browser: pages run under the per-request nonce CSP (the theme script
// and mermaid still work, nothing is blocked), and meeting mode follows its presenter — here on the
// embedded database, through its polling fallback (live pushes need PostgreSQL; the replicas test proves
// those with a real one).
import type { Page } from "@playwright/test";
import { getRole } from "@/lib/agents/registry";
import { expect, seedTeam, signIn, test } from "./fixtures";

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test("pages run under the nonce CSP: the theme script applies the saved theme and mermaid draws, with nothing blocked", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.addInitScript(() => localStorage.setItem("portal-theme", "dark"));
  await signIn(page, { email: "admin@demo.local" }, "demo-password-2026");
  const response = await page.goto("/requests/demo-request-network");
  const policy = response!.headers()["content-security-policy"];
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Only the inline theme script (nonce'd) turns dark mode on from localStorage; the server saw no cookie.
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.getByRole("tab", { name: "Artifacts" }).click();
  await expect(page.getByTestId("artifact-viewer").locator('[data-testid="mermaid-diagram"] svg')).toBeVisible({ timeout: 30_000 });
  expect(await violations()).toEqual([]);
});

test("meeting mode follows its presenter, and another member takes over explicitly", async ({ browser }) => {
  test.setTimeout(180_000);
  const team = await seedTeam("present");
  const presenter = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const follower = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signIn(presenter, team.owner);
  const example = structuredClone(getRole("network-engineer").example);
  const ids: string[] = [];
  for (const title of ["Edge network", "Transit network"]) {
    const created = await presenter.request.post("/api/v1/requests", { data: { team: team.slug, role: "network-engineer", title, input: example, submit: true } });
    expect(created.status()).toBe(201);
    ids.push(((await created.json()) as { id: string }).id);
  }
  const meeting = await presenter.request.post(`/api/v1/teams/${team.slug}/meetings`, { data: { title: "Follow me", scheduledAt: "2026-12-03T14:00:00Z", durationMinutes: 30, agenda: ids.map((requestId) => ({ requestId, timeboxMinutes: 10 })) } });
  expect(meeting.status(), await meeting.text()).toBe(201);
  const { id } = (await meeting.json()) as { id: string };

  await presenter.goto(`/reviews/meetings/${id}/present`);
  await presenter.getByTestId("rehearsal-banner").getByRole("button", { name: "Start the meeting" }).click();
  await presenter.getByRole("alertdialog").getByRole("button", { name: "Start the meeting" }).click();
  await expect(presenter.getByTestId("presenter-bar")).toContainText("You are presenting");
  await signIn(follower, team.maintainer);
  await follower.goto(`/reviews/meetings/${id}/present`);
  const followerBar = follower.getByTestId("presenter-bar");
  await expect(followerBar).toContainText(`Following ${team.owner.name}`);
  await expect(follower.getByRole("button", { name: "Next" })).toBeDisabled();

  // The presenter moves on; the follower's slide and timer follow without a click.
  await presenter.keyboard.press("ArrowRight");
  await expect(presenter.getByTestId("slide-position")).toContainText("Item 2 of 2");
  await expect(follower.getByTestId("slide-position")).toContainText("Item 2 of 2", { timeout: 10_000 });
  await expect(follower.getByTestId("slide-title")).toHaveText("Transit network");
  await expect(follower.getByTestId("item-timer")).toBeVisible();

  // The follower takes over (after confirming); the former presenter now follows them.
  await followerBar.getByRole("button", { name: "Take over" }).click();
  await follower.getByRole("alertdialog").getByRole("button", { name: "Take over" }).click();
  await expect(followerBar).toContainText("You are presenting");
  await follower.keyboard.press("ArrowLeft");
  await expect(follower.getByTestId("slide-position")).toContainText("Item 1 of 2");
  await expect(presenter.getByTestId("presenter-bar")).toContainText(`Following ${team.maintainer.name}`, { timeout: 10_000 });
  await expect(presenter.getByTestId("slide-position")).toContainText("Item 1 of 2", { timeout: 10_000 });
  await presenter.screenshot({ path: "test-results/scale-follower-1920.png" });
  await follower.screenshot({ path: "test-results/scale-presenter-1366.png" });
});
