import { readFileSync } from "node:fs";
import { test, expect, seedTeam, signIn, type SeededTeam } from "./fixtures";

/** Adds services to the team's catalog straight in the database (the catalog's UI is another feature's). */
async function addServices(team: SeededTeam, services: { slug: string; name: string }[]) {
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  const row = await db.team.findUniqueOrThrow({ where: { slug: team.slug } });
  await db.service.createMany({ data: services.map((service) => ({ teamId: row.id, ...service, tier: 1 })) });
}

test("declare, command, note, move through the states and resolve while a second viewer follows live; then write, publish and export the postmortem", async ({ page, browser }) => {
  // A long journey on a shared two-core machine: every step waits on the server.
  test.setTimeout(300_000);
  const team = await seedTeam("incident");
  await addServices(team, [
    { slug: "checkout-api", name: "Checkout API" },
    { slug: "payment-gateway", name: "Payment gateway" },
  ]);
  await signIn(page, team.owner);

  // Declare: title, severity, a service, a summary.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("heading", { name: "No incidents yet" })).toBeVisible();
  await page.getByRole("link", { name: "Declare an incident" }).first().click();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.locator("#incident-title-error")).toContainText("Say what is wrong");
  await page.getByLabel("What is wrong?").fill("Checkout returns errors in the EU");
  await page.getByText("SEV2 High").click();
  await page.getByLabel("Checkout API").check();
  await page.getByLabel("Summary").fill("About 6 % of EU checkouts fail with 502.");
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/[a-z0-9]+$/);
  const header = page.getByTestId("incident-header");
  await expect(header.getByRole("heading", { level: 1 })).toHaveText("Checkout returns errors in the EU");
  await expect(header.getByTestId("severity-badge")).toContainText("SEV2");
  await expect(header.getByTestId("status-badge")).toHaveText("Triage");
  await expect(header.getByTestId("current-commander")).toContainText("Nobody yet");
  const incidentUrl = page.url();

  // A second person opens the same incident in another browser.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, team.member);
  await other.goto(incidentUrl);
  await expect(other.getByTestId("incident-header")).toContainText("Checkout returns errors in the EU");
  await other.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // Assign a commander: the top of both pages shows them.
  await page.getByLabel("Incident commander").selectOption({ label: team.member.name });
  await expect(header.getByTestId("current-commander")).toContainText(team.member.name);
  await expect(other.getByTestId("current-commander")).toContainText(team.member.name, { timeout: 5_000 });
  await expect(other.getByTestId("timeline")).toContainText(`${team.member.name} is now incident commander`);

  // Notes from either side reach the other within 5 seconds, without a reload.
  await page.getByRole("textbox", { name: "Note" }).fill("Only EU card payments fail; PayPal is fine");
  await page.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Only EU card payments fail; PayPal is fine");
  await expect(other.getByTestId("timeline")).toContainText("Only EU card payments fail; PayPal is fine", { timeout: 5_000 });
  await other.getByRole("radiogroup", { name: "Event type" }).getByText("Action taken").click();
  await expect(other.getByRole("radio", { name: "Action taken" })).toBeChecked();
  await other.getByRole("textbox", { name: "Action taken" }).fill("Rolled back checkout-api to v2.14.3");
  await other.getByRole("button", { name: "Add to timeline" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Rolled back checkout-api to v2.14.3", { timeout: 5_000 });

  // Filter the timeline by type, and pin the note.
  await page.getByRole("group", { name: "Filter the timeline by type" }).getByRole("button", { name: /^Note/ }).click();
  await expect(page.getByTestId("timeline")).not.toContainText("Only EU card payments fail");
  await page.getByRole("group", { name: "Filter the timeline by type" }).getByRole("button", { name: /^Note/ }).click();
  await page.getByRole("button", { name: /^Pin the note at/ }).click();
  await page.getByRole("button", { name: "Pinned only" }).click();
  await expect(page.getByTestId("timeline-event")).toHaveCount(1);
  await expect(page.getByTestId("timeline")).toContainText("Only EU card payments fail");
  await page.getByRole("button", { name: "Pinned only" }).click();

  // Move through the states to resolved; the second viewer follows.
  const move = async (button: string, note?: string) => {
    await page.getByRole("group", { name: "Change the status" }).getByRole("button", { name: button }).click();
    const dialog = page.getByRole("dialog");
    if (note) await dialog.getByLabel("Note for the timeline").fill(note);
    await dialog.getByRole("button", { name: button }).click();
    await expect(dialog).toHaveCount(0);
  };
  await move("Acknowledge and investigate");
  await expect(header.getByTestId("status-badge")).toHaveText("Investigating");
  await move("Cause identified", "Connection pool limit too low since v2.15.0");
  await expect(header.getByTestId("status-badge")).toHaveText("Identified");
  await move("Mitigated: monitor");
  await expect(header.getByTestId("status-badge")).toHaveText("Monitoring");
  await move("Resolve");
  await expect(header.getByTestId("status-badge")).toHaveText("Resolved");
  await expect(other.getByTestId("status-badge")).toHaveText("Resolved", { timeout: 5_000 });
  await expect(other.getByTestId("timeline")).toContainText("Investigating → Identified. Connection pool limit too low since v2.15.0");
  await expect(page.getByTestId("key-times")).not.toContainText("Not recorded\nResolved");
  expect(await other.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await otherContext.close();

  // Generate, edit and publish the postmortem.
  await page.getByRole("link", { name: "Write the postmortem" }).click();
  await page.getByRole("button", { name: "Generate the draft" }).click();
  const preview = page.getByTestId("postmortem-preview");
  await expect(preview.getByRole("heading", { name: "Summary" })).toBeVisible();
  await expect(preview).toContainText("About 6 % of EU checkouts fail with 502.");
  await expect(preview).toContainText("SLO error budget burned: the affected services have no SLOs.");
  await expect(preview).toContainText("Only EU card payments fail; PayPal is fine");
  const editor = page.getByLabel(/^Markdown/);
  const draft = await editor.inputValue();
  await editor.fill(draft.replace(/## Contributing factors\n/, "## Contributing factors\n\nThe v2.15.0 pool limit of 20 was never load-tested.\n"));
  await expect(preview).toContainText("The v2.15.0 pool limit of 20 was never load-tested.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("button", { name: "Saved" })).toBeVisible();

  // An action item that is already overdue.
  await page.getByLabel("New action item").fill("Load-test the pool at peak traffic");
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: team.member.name });
  await page.getByLabel("Due", { exact: true }).fill("2026-01-15");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByTestId("action-items")).toContainText("Load-test the pool at peak traffic");
  await expect(page.getByTestId("action-items")).toContainText("Overdue");
  await expect(preview).toContainText("Load-test the pool at peak traffic");

  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByTestId("postmortem-status")).toHaveText("In review");
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("postmortem-status")).toHaveText("Published");
  await expect(page.getByLabel(/^Markdown/)).toHaveCount(0);

  // Export as Markdown.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export Markdown" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^inc-1-postmortem\.md$/);
  const exported = readFileSync((await download.path())!, "utf8");
  expect(exported).toContain("# Postmortem: INC-1 Checkout returns errors in the EU");
  expect(exported).toContain("The v2.15.0 pool limit of 20 was never load-tested.");
  expect(exported).toContain(`| Load-test the pool at peak traffic | ${team.member.name} | 2026-01-15 | Open |`);

  // The overdue action item shows on the team's home page; the list shows the resolved incident.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByTestId("overdue-action-items")).toContainText("Load-test the pool at peak traffic");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByTestId("incident-row-INC-1")).toContainText("Resolved");
});

test("a viewer follows an incident but has no controls to change it", async ({ page }) => {
  const team = await seedTeam("incview");
  await signIn(page, team.owner);
  await page.goto("/incidents/new");
  await page.getByLabel("What is wrong?").fill("Ledger lag");
  await page.getByText("SEV4 Minor").click();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByTestId("incident-header")).toBeVisible();
  const url = page.url();
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, team.viewer);
  await page.goto(url);
  await expect(page.getByTestId("incident-header")).toContainText("Ledger lag");
  await expect(page.getByRole("group", { name: "Change the status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add to timeline" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Pin the/ })).toHaveCount(0);
  await page.goto("/incidents/new");
  await expect(page.getByRole("heading", { name: /cannot declare incidents/ })).toBeVisible();
});

test("another team's incident is not found", async ({ page }) => {
  const mine = await seedTeam("incmine");
  const theirs = await seedTeam("inctheirs");
  await signIn(page, theirs.owner);
  await page.goto("/incidents/new");
  await page.getByLabel("What is wrong?").fill("Their outage");
  await page.getByText("SEV3 Moderate").click();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByTestId("incident-header")).toBeVisible();
  const url = page.url();
  await page.context().clearCookies();
  await signIn(page, mine.owner);
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await page.request.get(`/api/v1${new URL(url).pathname}`)).status()).toBe(404);
});
