// Requests end to end: the generic form for three roles with conditions across steps, drafts that survive
// a reload, field errors, submission, review by a maintainer, a new revision and its diff.
import { getRole, roles } from "@/lib/agents/registry";
import type { FormValues } from "@/lib/agents/types";
import type { Locator, Page } from "@playwright/test";
import { expect, seedTeam, signIn, test } from "./fixtures";
import { byLabel, fillRoleForm, fillStep, stepForm } from "./role-form";

const exampleOf = (key: string) => structuredClone(getRole(key).example) as FormValues;
const titleOf = (key: string, values: FormValues) => getRole(key).defaultTitle(getRole(key).schema.parse(values) as never);

test("a member fills in the Kubernetes, deployment and network forms, with conditions across steps, and submits each", async ({ asUser }) => {
  test.setTimeout(180_000);
  const team = await seedTeam("forms");
  const page = await asUser(team.member);

  for (const key of ["kubernetes-specialist", "deployment-engineer", "network-engineer"]) {
    const values = exampleOf(key);
    await page.goto(`/requests/new?role=${key}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`New request: ${getRole(key).title}`);
    await fillRoleForm(page, key, values);
    // The review shows labels, not raw values.
    const review = stepForm(page);
    if (key === "network-engineer") {
      await expect(review.getByText("Amazon Web Services")).toBeVisible();
      await expect(review.getByText("Allowed domains")).toBeVisible();
    }
    await review.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleOf(key, values));
    await expect(page.locator('[data-status="SUBMITTED"]').first()).toBeVisible();
  }

  await page.goto("/requests");
  await expect(page.getByRole("button", { name: /^Submitted/ })).toContainText("3");
});

test("a condition on one step shows or hides fields on a later step, and the review leaves hidden answers out", async ({ asUser }) => {
  const team = await seedTeam("conditions");
  const page = await asUser(team.member);
  const values = { ...exampleOf("deployment-engineer"), strategy: "rolling" };
  await page.goto("/requests/new?role=deployment-engineer");
  const form = stepForm(page);
  for (const step of ["build", "environments", "strategy"]) {
    await fillStep(page, "deployment-engineer", step, values);
    await form.getByRole("button", { name: /^Next:/ }).click();
  }
  // Rolling: surge settings, no canary steps.
  await expect(byLabel(form, "Maximum surge")).toHaveValue("25");
  await expect(form.getByRole("group", { name: "Canary steps" })).toHaveCount(0);
  // Back to the strategy: canary brings the canary steps and takes the surge away.
  await form.getByRole("button", { name: "Back" }).click();
  await form.getByRole("group", { name: "Deployment strategy" }).getByRole("radio", { name: /^Canary/ }).check();
  await form.getByRole("button", { name: /^Next:/ }).click();
  await expect(form.getByRole("group", { name: "Canary steps" })).toBeVisible();
  await expect(byLabel(form, "Maximum surge")).toHaveCount(0);
  // The group's default steps are there; a step is added, and moved up from the keyboard.
  const canary = form.getByRole("group", { name: "Canary steps" });
  const items = canary.locator(":scope > ol > li");
  await expect(items).toHaveCount(3);
  await canary.getByRole("button", { name: "Add a step" }).click();
  await expect(items).toHaveCount(4);
  await expect(byLabel(items.nth(3), "Traffic to the canary")).toBeFocused();
  await page.keyboard.type("75");
  await items.nth(3).getByRole("button", { name: /^Move #4 up$/ }).focus();
  await page.keyboard.press("Enter");
  await expect(byLabel(items.nth(2), "Traffic to the canary")).toHaveValue("75");
  await expect(items.nth(2).getByRole("button", { name: /^Move #3 up$/ })).toBeFocused();
  // The review lists the canary steps and leaves out the hidden surge settings.
  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Review and submit/ }).click();
  await expect(form.getByText("Canary steps", { exact: true })).toBeVisible();
  await expect(form.getByText("Maximum surge")).toHaveCount(0);
  await expect(form.getByRole("cell", { name: "75%" })).toBeVisible();
});

test("a draft autosaves, survives a reload intact, refuses an invalid CIDR, and is submitted, approved and revised", async ({ page, asUser, browser }) => {
  test.setTimeout(180_000);
  const team = await seedTeam("lifecycle");
  await asUser(team.member);
  const values = exampleOf("network-engineer");

  await page.goto("/requests/new?role=network-engineer");
  await fillStep(page, "network-engineer", "scope", values);
  await stepForm(page).getByRole("button", { name: /^Next:/ }).click();

  // An invalid CIDR shows its field error and keeps you on the step.
  const environments = stepForm(page).getByRole("group", { name: "Environments and their base CIDRs" });
  await byLabel(environments, "Base CIDR").first().fill("10.0.0.1/16");
  await stepForm(page).getByRole("button", { name: /^Next:/ }).click();
  await expect(stepForm(page).getByText("10.0.0.1/16 has host bits set; the network address is 10.0.0.0/16").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Address plan" })).toBeVisible();
  await byLabel(environments, "Base CIDR").first().fill("10.30.0.0/16");

  // The draft autosaves; its address now survives a reload and another device.
  await expect(page.getByTestId("save-status")).toContainText("Saved", { timeout: 15_000 });
  await expect(page).toHaveURL(/\/requests\/[a-z0-9]+\/edit$/);
  const editUrl = page.url();
  // The list names the draft after its network, not "Untitled draft".
  const list = await page.context().newPage();
  await list.goto("/requests?status=DRAFT");
  const draftLink = list.locator(`a[href="${new URL(editUrl).pathname.replace(/\/edit$/, "")}"]`);
  await expect(draftLink).toContainText(values.networkName as string);
  await expect(draftLink).not.toContainText("Untitled draft");
  await list.close();
  await page.reload();
  // A reopened draft starts at its first step with a missing answer; the first step keeps its answers.
  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button").first().click();
  await expect(byLabel(page, "Network name")).toHaveValue(values.networkName as string);
  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Address plan/ }).click();
  await expect(byLabel(stepForm(page).getByRole("group", { name: "Environments and their base CIDRs" }), "Base CIDR").first()).toHaveValue("10.30.0.0/16");

  // Another device (a fresh browser session) opens the same draft.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, team.member);
  await otherPage.goto(editUrl);
  await otherPage.getByRole("navigation", { name: "Form steps" }).getByRole("button").first().click();
  await expect(byLabel(otherPage, "Network name")).toHaveValue(values.networkName as string);
  await other.close();

  // Finish and submit.
  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Cloud & region/ }).click();
  await fillRoleForm(page, "network-engineer", { ...values, environments: [{ name: "production", baseCidr: "10.30.0.0/16" }] });
  await stepForm(page).getByRole("button", { name: "Submit request" }).click();
  await expect(page.locator('[data-status="SUBMITTED"]').first()).toBeVisible();
  const requestUrl = page.url();

  // The author may not review; a maintainer starts the review and approves.
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await page.context().clearCookies();
  await signIn(page, team.maintainer);
  await page.goto(requestUrl);
  await page.getByRole("button", { name: "Start review" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start review" }).click();
  await expect(page.locator('[data-status="IN_REVIEW"]').first()).toBeVisible();

  // The maintainer edits: a new revision, then the diff between revisions 1 and 2.
  await page.getByRole("link", { name: "Edit requirements" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Cloud & region" })).toBeVisible();
  await byLabel(page, "Availability zones").fill("2");
  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Review and submit/ }).click();
  await stepForm(page).getByRole("button", { name: "Save as revision 2" }).click();
  await expect(page.getByText("revision 2").first()).toBeVisible();

  await page.getByRole("tab", { name: /History/ }).click();
  const diff = page.getByTestId("revision-diff");
  await expect(diff).toContainText("Availability zones");
  await expect(diff.getByRole("row", { name: /Availability zones/ })).toContainText("3");
  await expect(diff.getByRole("row", { name: /Availability zones/ })).toContainText("2");

  // Approve with a comment; it shows in the history and the discussion.
  await page.getByRole("button", { name: "Approve" }).click();
  await page.getByRole("dialog").getByLabel("Comment (optional)").fill("Two zones are enough for this **staging-like** load.");
  await page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(page.locator('[data-status="APPROVED"]').first()).toBeVisible();
  await page.getByRole("tab", { name: /Discussion/ }).click();
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Approved in the **architecture review**.\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  const comment = page.getByRole("list", { name: "Discussion" }).locator("strong", { hasText: "architecture review" });
  await expect(comment).toBeVisible();
  await expect(page.locator("script", { hasText: "alert(1)" })).toHaveCount(0);
});

test("a viewer reads requests but cannot start one or move one", async ({ asUser }) => {
  const team = await seedTeam("viewer");
  const page = await asUser(team.viewer);
  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "No requests yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New request" })).toHaveCount(0);
  await page.goto("/requests/new?role=network-engineer");
  await expect(page.getByRole("heading", { name: /Viewers cannot start requests/ })).toBeVisible();
});

test("the form and the request page load the script of their own role only, and no Markdown renderer until one is shown", async ({ asUser, browser }) => {
  const team = await seedTeam("one-role-script");
  const page = await asUser(team.member);
  // A draft to open, saved by the form's first answer.
  await page.goto("/requests/new?role=sre-engineer");
  await stepForm(page).getByRole("textbox").first().fill("checkout");
  await page.waitForURL(/\/requests\/[^/]+\/edit$/);
  const id = /\/requests\/([^/]+)\/edit$/.exec(page.url())?.[1];

  // Every script a fresh browser (empty cache) fetches to show the page, as one text to search.
  async function scriptsOf(path: string, ready: (page: Page) => Locator): Promise<string> {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await signIn(fresh, team.member);
    const fetched: Promise<string>[] = [];
    fresh.on("response", (response) => {
      if (response.request().resourceType() === "script") fetched.push(response.text().catch(() => ""));
    });
    await fresh.goto(path);
    await expect(ready(fresh)).toBeVisible();
    await fresh.waitForLoadState("networkidle");
    const text = (await Promise.all(fetched)).join("\n");
    await context.close();
    return text;
  }
  // A role's mission is in its definition only: a script that holds it holds that role's definition.
  const rolesIn = (scripts: string) => roles.filter((role) => scripts.includes(role.mission)).map((role) => role.key);

  const form = await scriptsOf("/requests/new?role=sre-engineer", (fresh) => stepForm(fresh));
  expect(rolesIn(form)).toEqual(["sre-engineer"]);
  const request = await scriptsOf(`/requests/${id}`, (fresh) => fresh.getByRole("tab", { name: /Requirements/ }));
  expect(rolesIn(request)).toEqual(["sre-engineer"]);
  // No comment is shown on the Requirements tab, so the Markdown renderers (the only scripts with a
  // "Code block" label) are not fetched.
  expect(request.includes('"Code block"')).toBe(false);
  const edit = await scriptsOf(`/requests/${id}/edit`, (fresh) => stepForm(fresh));
  expect(rolesIn(edit)).toEqual(["sre-engineer"]);
});
