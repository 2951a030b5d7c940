// Settings → Data sources end to end: a maintainer adds a Prometheus, tests it against an address where
// nothing listens (a clear error), points it at a real Prometheus started by the spec (its version shown),
// edits it and deletes it.
import { freePort } from "@/lib/testing/servers";
import { startPrometheus, type RunningTool } from "@/lib/testing/prometheus";
import { expect, seedTeam, test } from "./fixtures";

let prometheus: RunningTool | undefined;

test.afterAll(async () => {
  await prometheus?.stop();
});

test("a maintainer adds a Prometheus data source, tests it unreachable and reachable, edits and deletes it", async ({ asUser }) => {
  test.setTimeout(180_000);
  const team = await seedTeam("sources");
  const page = await asUser(team.maintainer);
  // A port nothing listens on: freePort closes the listener it found.
  const nowhere = `http://127.0.0.1:${await freePort()}`;

  await page.goto("/settings/data-sources");
  await expect(page.getByRole("heading", { level: 1, name: "Data sources" })).toBeVisible();
  await expect(page.getByText("No data sources yet")).toBeVisible();
  const add = page.getByRole("form", { name: "Add a data source" });
  await add.getByRole("textbox", { name: /^Name/ }).fill("Lab Prometheus");
  await add.getByRole("spinbutton", { name: /^Time limit/ }).fill("3000");
  await add.getByRole("textbox", { name: /^URL/ }).fill(nowhere);
  await add.getByRole("button", { name: "Add data source" }).click();

  const list = page.getByRole("list", { name: "Data sources" });
  const card = list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Lab Prometheus" }) });
  await expect(card).toContainText(nowhere);
  await expect(card).toContainText("Not known yet (run Test)");

  // Unreachable: the query check fails and says why; the badge says the test failed.
  await card.getByRole("button", { name: "Test", exact: true }).click();
  const report = card.getByTestId("data-source-report");
  await expect(report).toContainText("Query: failed", { timeout: 30_000 });
  await expect(report).toContainText(/ECONNREFUSED|refused|fetch failed|connect/i);
  await expect(card.getByText(/^Test failed/)).toBeVisible({ timeout: 30_000 });

  // Reachable: a real Prometheus on a free port, its TSDB in a temporary directory.
  prometheus = await startPrometheus();
  await card.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit “Lab Prometheus”" });
  await dialog.getByRole("textbox", { name: /^URL/ }).fill(prometheus.url);
  await dialog.getByRole("textbox", { name: /^Name/ }).fill("Lab Prometheus (local)");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const edited = list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Lab Prometheus (local)" }) });
  await expect(edited).toContainText(prometheus.url);

  await edited.getByRole("button", { name: "Test", exact: true }).click();
  const passed = edited.getByTestId("data-source-report");
  await expect(passed).toContainText("Query: passed", { timeout: 30_000 });
  await expect(passed).toContainText(/Version: passed — Version 2\.\d+\.\d+/);
  await expect(edited.getByText(/^Test passed/)).toBeVisible({ timeout: 30_000 });
  // The version is remembered on the card.
  await page.reload();
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Lab Prometheus (local)" }) })).toContainText(/Version\s*2\.\d+\.\d+/);

  // Delete asks first.
  await list.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete “Lab Prometheus (local)”?" });
  await confirm.getByRole("button", { name: "Delete data source" }).click();
  await expect(page.getByText("No data sources yet")).toBeVisible({ timeout: 30_000 });
});

test("a member sees the data sources but cannot add, test or delete them", async ({ asUser }) => {
  const team = await seedTeam("sources-read");
  const page = await asUser(team.member);
  await page.goto("/settings/data-sources");
  await expect(page.getByRole("heading", { level: 1, name: "Data sources" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Add a data source" })).toHaveCount(0);
  await expect(page.getByText("Ask a maintainer or owner of the team to add one.")).toBeVisible();
});
