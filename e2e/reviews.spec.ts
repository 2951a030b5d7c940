// Architecture reviews in the browser: an owner requires a security approval for security-engineer
// requests and designates a security reviewer; a maintainer's approval alone does not approve, the
// security reviewer's does. Then a decision is recorded on the request and exported as MADR.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { getRole } from "@/lib/agents/registry";
import { test, expect, seedTeam, signIn, type SeededUser } from "./fixtures";

async function switchTo(page: Page, user: SeededUser) {
  await page.context().clearCookies();
  await signIn(page, user);
}

async function approve(page: Page, comment?: string) {
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  const dialog = page.getByRole("dialog");
  if (comment) await dialog.getByLabel("Comment (optional)").fill(comment);
  await dialog.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test("a required security approval: the security reviewer's approval approves a security-engineer request; a decision is recorded and exported as MADR", async ({ page, asUser }) => {
  test.setTimeout(180_000);
  const team = await seedTeam("reviews");

  // The owner designates the maintainer as security reviewer and requires one security approval.
  await asUser(team.owner);
  await page.goto("/settings/reviews");
  await expect(page.getByRole("heading", { level: 1, name: "Reviews" })).toBeVisible();
  await page.getByRole("checkbox", { name: `${team.maintainer.name}: security reviewer` }).click();
  await expect(page.getByRole("checkbox", { name: `${team.maintainer.name}: security reviewer` })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `${team.viewer.name}: security reviewer` })).toHaveCount(0);
  const row = page.getByTestId("requirements-table").locator('tr[data-role="security-engineer"]');
  await expect(row).toContainText("1 × maintainer or owner");
  await row.getByRole("button", { name: /Edit/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Maintainer or owner").fill("0");
  await dialog.getByLabel("Security reviewer").fill("1");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText("1 × security reviewer");
  await expect(row).not.toContainText("default");

  // The member submits a security-engineer request (through the API, as the browser would).
  await switchTo(page, team.member);
  const created = await page.request.post("/api/v1/requests", {
    data: { team: team.slug, role: "security-engineer", title: "Payments secrets rotation", input: getRole("security-engineer").example, submit: true },
  });
  expect(created.status()).toBe(201);
  const request = (await created.json()) as { id: string };
  await page.goto(`/requests/${request.id}`);
  await expect(page.getByTestId("approvals-summary")).toContainText("0 of 1 requirement met");
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  // The owner approves: a maintainer's approval is not a security approval, so it stays in review.
  await switchTo(page, team.owner);
  await page.goto(`/requests/${request.id}`);
  await approve(page);
  await expect(page.locator('[data-status="IN_REVIEW"]').first()).toBeVisible();
  await expect(page.locator('[data-kind="security"]')).toHaveAttribute("data-met", "false");

  // The security reviewer approves: every requirement is met and the request is approved.
  await switchTo(page, team.maintainer);
  await page.goto(`/requests/${request.id}`);
  await expect(page.getByText("You review as: Maintainer or owner, Security reviewer.")).toBeVisible();
  await approve(page, "Rotation plan and vault policies look right.");
  await expect(page.locator('[data-status="APPROVED"]').first()).toBeVisible();
  await expect(page.getByTestId("approvals-summary")).toContainText("1 of 1 requirement met — approved");
  await expect(page.locator('[data-kind="security"]')).toContainText(`by ${team.maintainer.name}`);

  // Record a decision on the request, then open it and export it as MADR.
  await page.getByRole("button", { name: "Record decision" }).click();
  const record = page.getByRole("dialog");
  await record.getByLabel("Title").fill("Rotate payment secrets every 30 days");
  await record.getByLabel("Status").selectOption("ACCEPTED");
  await record.getByLabel("Context and problem").fill("Secrets of the payment gateway never rotate.");
  await record.getByRole("textbox", { name: /^Decision/ }).fill("Rotate them **every 30 days** through Vault.");
  await record.getByLabel("Consequences").fill("- Legacy batch jobs need a restart after rotation.");
  await record.getByRole("button", { name: "Record decision" }).click();
  await expect(record).toHaveCount(0);
  await page.getByRole("link", { name: "ADR-001" }).click();
  await expect(page.getByTestId("decision-reference")).toHaveText("ADR-001");
  await expect(page.getByRole("heading", { level: 1, name: "Rotate payment secrets every 30 days" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "every 30 days" })).toBeVisible();
  await expect(page.locator('[data-decision-status="ACCEPTED"]').first()).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export MADR" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("0001-rotate-payment-secrets-every-30-days.md");
  const madr = readFileSync((await download.path())!, "utf8");
  expect(madr).toContain('status: "accepted"');
  expect(madr).toContain("# ADR-001: Rotate payment secrets every 30 days");
  expect(madr).toContain("Rotate them **every 30 days** through Vault.");

  // The index lists it with its number.
  await page.goto("/decisions");
  await expect(page.getByTestId("decisions-table").getByRole("link", { name: "ADR-001" })).toBeVisible();
});

test("a viewer sees the review settings read-only", async ({ page, asUser }) => {
  const team = await seedTeam("reviewview");
  await asUser(team.viewer);
  await page.goto("/settings/reviews");
  await expect(page.getByText("Maintainers and owners change these settings.")).toBeVisible();
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Edit/ })).toHaveCount(0);
});
