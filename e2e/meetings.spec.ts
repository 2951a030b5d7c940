// Review meetings end to end at the projector's size (1920×1080): schedule a meeting with three requests,
// run it in meeting mode from the keyboard (→ ← f Esc), record a decision, an approval and an action item
// without leaving the mode, end it, and find the minutes on the page and as a download. Includes the
// screenshot check: the diagram fills most of the slide.
import { readFile } from "node:fs/promises";
import { getRole } from "@/lib/agents/registry";
import { expect, seedTeam, signIn, test } from "./fixtures";

/** Meeting mode opens as a rehearsal; the presenter starts the meeting (confirmed). */
async function startMeeting(page: import("@playwright/test").Page) {
  await page.getByTestId("rehearsal-banner").getByRole("button", { name: "Start the meeting" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Start the meeting" }).click();
  await expect(page.getByTestId("rehearsal-banner")).toHaveCount(0);
}

test.use({ viewport: { width: 1920, height: 1080 } });

const network = structuredClone(getRole("network-engineer").example);

test("a maintainer schedules a review, runs it in meeting mode from the keyboard, records in it and ends it with minutes", async ({ page }) => {
  test.setTimeout(240_000);
  const team = await seedTeam("meetings");

  // The owner submits three requests (the maintainer reviews them; nobody approves their own).
  await signIn(page, team.owner);
  const titles = ["Edge network for checkout", "Transit network for the ledger", "Partner VPN network"];
  for (const title of titles) {
    const response = await page.request.post("/api/v1/requests", { data: { team: team.slug, role: "network-engineer", title, input: network, submit: true } });
    expect(response.status(), await response.text()).toBe(201);
  }
  await page.context().clearCookies();
  await signIn(page, team.maintainer);

  // The board lists them, not yet scheduled.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reviews");
  await page.getByRole("combobox", { name: "Team" }).selectOption(team.slug);
  await expect(page).toHaveURL(new RegExp(`team=${team.slug}`));
  const unscheduled = page.getByRole("region", { name: "Not scheduled" });
  for (const title of titles) await expect(unscheduled.getByRole("link", { name: title })).toBeVisible();

  // Schedule: three items, the last moved to the top with the keyboard, a time box each.
  await page.getByRole("link", { name: "Schedule a meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Schedule a review meeting");
  await page.getByRole("textbox", { name: "Title" }).fill("Network review");
  await page.getByLabel("Date").fill("2026-12-03");
  await page.getByLabel("Start time (UTC)").fill("14:00");
  for (const title of titles) await page.getByRole("button", { name: `Add ${title} to the agenda` }).click();
  await page.getByRole("button", { name: `Move ${titles[2]} up` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Move ${titles[2]} up` })).toBeFocused();
  await page.keyboard.press("Enter");
  const agenda = page.getByTestId("agenda-row");
  await expect(agenda.nth(0)).toContainText(titles[2]);
  await expect(agenda.nth(1)).toContainText(titles[0]);
  await page.getByLabel(`Time box of ${titles[0]}, in minutes`).fill("15");
  await page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Network review", { timeout: 30_000 });
  const meetingUrl = page.url();
  await expect(page.getByRole("row").nth(1)).toContainText(titles[2]);

  // Meeting mode opens as a rehearsal that changes nothing; starting the meeting is confirmed.
  await page.getByRole("link", { name: "Start meeting mode" }).click();
  await expect(page.getByTestId("rehearsal-banner")).toBeVisible();
  await expect(page.getByTestId("item-timer")).toContainText("paused");
  await startMeeting(page);
  await expect(page.getByTestId("slide-position")).toContainText("Item 1 of 3");
  await expect(page.getByTestId("slide-title")).toHaveText(titles[2]);
  await expect(page.getByTestId("item-timer")).toHaveAttribute("data-level", "ok");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("slide-title")).toHaveText(titles[0]);
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("slide-title")).toHaveText(titles[1]);
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("slide-title")).toHaveText(titles[0]);
  await expect(page.getByTestId("item-timer")).toContainText("of 15 min");
  // The item's timer counts down while it is on screen.
  await expect(page.getByTestId("item-timer")).toContainText(/14:5\d/, { timeout: 8_000 });

  // f: full screen; Esc leaves full screen first, then the mode.
  await page.keyboard.press("f");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press("Escape");
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  await expect(page.getByTestId("meeting-mode")).toBeVisible();

  // The screenshot check: at 1920×1080 the diagram fills most of the slide.
  const diagram = page.getByTestId("slide-diagram");
  const svg = diagram.locator('[data-testid="mermaid-diagram"] svg').first();
  await expect(svg).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: "test-results/meeting-mode-1920x1080.png" });
  const slideBox = (await diagram.boundingBox())!;
  const svgBox = (await svg.boundingBox())!;
  // The drawing itself (the SVG's contents), not only its element.
  const drawn = await svg.evaluate((element) => {
    const box = (element.querySelector("g") as SVGGraphicsElement).getBoundingClientRect();
    return { width: box.width, height: box.height };
  });
  expect(Math.max(svgBox.width / slideBox.width, svgBox.height / slideBox.height)).toBeGreaterThanOrEqual(0.6);
  expect(Math.max(drawn.width / slideBox.width, drawn.height / slideBox.height)).toBeGreaterThanOrEqual(0.6);
  expect(slideBox.width * slideBox.height).toBeGreaterThan(0.5 * 1920 * 1080);

  // Zoom from the keyboard.
  await page.keyboard.press("+");
  await expect(page.getByRole("group", { name: "Zoom" })).toContainText("125%");
  await page.keyboard.press("0");
  await expect(page.getByRole("group", { name: "Zoom" })).toContainText("100%");
  // 1: actual size, for a wide network diagram whose labels are small when fitted.
  await page.keyboard.press("1");
  await expect.poll(async () => Number((await page.getByRole("group", { name: "Zoom" }).innerText()).match(/(\d+)%/)?.[1])).toBeGreaterThan(150);
  await page.waitForTimeout(300);
  await page.screenshot({ path: "test-results/meeting-mode-actual-size-1920x1080.png" });
  await page.keyboard.press("0");

  // Esc leaves for the meeting page; rejoining comes back to the item on screen.
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(meetingUrl);
  await expect(page.getByText("In progress")).toBeVisible();
  await page.getByRole("link", { name: "Rejoin meeting mode" }).click();
  await expect(page).toHaveURL(/\/present$/);
  await expect(page.getByTestId("slide-title")).toHaveText(titles[0], { timeout: 30_000 });

  // d: a decision. Typing in the drawer never moves the slides.
  await page.keyboard.press("d");
  const drawer = page.getByTestId("capture-drawer");
  await expect(drawer.getByRole("tab", { name: "Decision (D)" })).toHaveAttribute("aria-selected", "true");
  const decisionTitle = drawer.getByRole("textbox", { name: /^Decision/ });
  await decisionTitle.fill("");
  await decisionTitle.pressSequentially("Peer after a full audit of the firewall path");
  await decisionTitle.press("ArrowLeft");
  await decisionTitle.press("ArrowRight");
  await drawer.getByLabel("What was decided, and why").fill("Peer the checkout VPC through a transit gateway.");
  await drawer.getByLabel("Consequences").fill("One more hop; central routing tables.");
  await expect(page.getByTestId("slide-title")).toHaveText(titles[0]);
  expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  await drawer.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(/^ADR-\d+ recorded: Peer after a full audit/)).toBeVisible();
  await expect(drawer).toBeHidden();

  // p: the maintainer approves the revision on screen.
  await expect(page.getByTestId("slide-approvals")).toHaveText("0 of 1");
  await page.keyboard.press("p");
  await drawer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByText("Approved revision 1", { exact: true })).toBeVisible();
  await expect(page.getByTestId("slide-approvals")).toHaveText("1 of 1");

  // a: an action item with an owner.
  await page.keyboard.press("a");
  await drawer.getByLabel("What needs doing").fill("Write the peering runbook");
  await drawer.getByLabel("Owner").selectOption({ label: team.member.name });
  await drawer.getByRole("button", { name: "Record action item" }).click();
  await expect(page.getByText(`Action item for ${team.member.name}`, { exact: true })).toBeVisible();

  // End: the minutes are written and shown on the meeting page.
  await page.getByRole("button", { name: "End meeting" }).click();
  await page.getByRole("button", { name: "End meeting and write the minutes" }).click();
  await expect(page).toHaveURL(meetingUrl);
  const minutes = page.getByTestId("minutes");
  await expect(minutes.getByRole("heading", { name: "Minutes", exact: true })).toBeVisible();
  await expect(minutes).toContainText("Peer after a full audit of the firewall path (accepted)");
  await expect(minutes).toContainText(`Approved by ${team.maintainer.name} (revision 1)`);
  await expect(minutes).toContainText(`Write the peering runbook (owner: ${team.member.name})`);

  // …and as a Markdown download.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download minutes (.md)" }).click()]);
  expect(download.suggestedFilename()).toBe(`minutes-${team.slug}-2026-12-03.md`);
  const markdown = await readFile((await download.path())!, "utf8");
  expect(markdown).toContain("# Minutes: Network review");
  expect(markdown).toMatch(new RegExp(`\\| 1 \\| ${titles[2]} \\| 10 min \\| .+ \\|`));
  expect(markdown).toContain("Peer after a full audit of the firewall path");

  // An ended meeting has no meeting mode: its page has the minutes.
  await page.goto(`${meetingUrl}/present`);
  await expect(page).toHaveURL(meetingUrl);
});

test("a comment resolved in the Discussion tab leaves the slide's open comments; the presenter resolves another from the slide", async ({ page }) => {
  test.setTimeout(120_000);
  const team = await seedTeam("open-comments");
  await signIn(page, team.owner);
  const created = await page.request.post("/api/v1/requests", { data: { team: team.slug, role: "network-engineer", title: "Branch office network", input: network, submit: true } });
  expect(created.status(), await created.text()).toBe(201);
  const request = (await created.json()) as { id: string };
  for (const body of ["Why a **/16** for a branch office?", "Who owns the VPN keys?", "Is IPv6 in scope?"]) {
    const response = await page.request.post(`/api/v1/requests/${request.id}/comments`, { data: { body } });
    expect(response.status(), await response.text()).toBe(201);
  }
  const scheduled = await page.request.post(`/api/v1/teams/${team.slug}/meetings`, {
    data: { title: "Branch review", scheduledAt: "2026-12-10T14:00:00Z", durationMinutes: 30, agenda: [{ requestId: request.id, timeboxMinutes: 15 }] },
  });
  expect(scheduled.status(), await scheduled.text()).toBe(201);
  const meeting = (await scheduled.json()) as { id: string };
  await page.context().clearCookies();
  await signIn(page, team.member);

  // The request page says where it is up for review.
  await page.goto(`/requests/${request.id}`);
  const agendaNotice = page.getByTestId("request-agenda");
  await expect(agendaNotice).toContainText("On the agenda of Branch review");
  await expect(agendaNotice.getByRole("link", { name: "Branch review" })).toHaveAttribute("href", `/reviews/meetings/${meeting.id}`);

  // Resolve the first comment from the keyboard: folded, named, and out of the tab's count.
  const discussionTab = page.getByRole("tab", { name: /Discussion/ });
  await expect(discussionTab.getByTestId("discussion-open-count")).toHaveText("3 open");
  await discussionTab.click();
  const comments = page.getByTestId("comment");
  await comments.nth(0).getByRole("button", { name: "Resolve" }).focus();
  await page.keyboard.press("Enter");
  await expect(comments.nth(0).getByTestId("comment-resolution")).toContainText(`Resolved by ${team.member.name}`);
  await expect(comments.nth(0).getByText("branch office?")).toBeHidden();
  await expect(discussionTab.getByTestId("discussion-open-count")).toHaveText("2 open");
  await comments.nth(0).getByRole("button", { name: "Show the resolved comment" }).click();
  await expect(comments.nth(0).getByText("branch office?")).toBeVisible();
  await page.getByRole("button", { name: "Open only (2)" }).click();
  await expect(comments).toHaveCount(2);
  await page.getByRole("button", { name: "All (3)" }).click();
  await expect(comments).toHaveCount(3);
  await page.screenshot({ path: "test-results/discussion-1920x1080.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/discussion-1440x900.png", fullPage: true });

  // Meeting mode lists the two open comments only, and counts the resolved one.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`/reviews/meetings/${meeting.id}/present`);
  await startMeeting(page);
  const slideComments = page.getByTestId("slide-comments");
  await expect(slideComments.getByRole("heading")).toHaveText("Open comments (2)");
  await expect(slideComments.getByTestId("slide-comment")).toHaveText([/Who owns the VPN keys\?/, /Is IPv6 in scope\?/]);
  await expect(slideComments.getByTestId("slide-resolved-count")).toHaveText("1 resolved");
  await page.screenshot({ path: "test-results/slide-comments-1920x1080.png" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/slide-comments-1440x900.png" });

  // The presenter resolves one from the slide, without leaving it or moving it.
  await slideComments.getByRole("button", { name: /^Resolve the comment/ }).first().click();
  await expect(slideComments.getByRole("heading")).toHaveText("Open comments (1)");
  await expect(slideComments.getByTestId("slide-comment")).toHaveText([/Is IPv6 in scope\?/]);
  await expect(slideComments.getByTestId("slide-resolved-count")).toHaveText("2 resolved");
  await expect(page.getByTestId("slide-title")).toHaveText("Branch office network");
  await expect(page.getByTestId("capture-drawer")).toBeHidden();

  // Back on the request, the Discussion counts one open comment.
  await page.goto(`/requests/${request.id}`);
  await expect(page.getByTestId("request-agenda")).toContainText("Being reviewed now in Branch review");
  await expect(page.getByRole("tab", { name: /Discussion/ }).getByTestId("discussion-open-count")).toHaveText("1 open");
});
