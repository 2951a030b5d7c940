// One filter bar on every filtered list: a filter set with the mouse or the keyboard is in the address,
// opening that address shows the same filter set and the list filtered, and "Clear filters" resets it.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const demoAdmin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";

interface Case {
  path: string;
  landmark: string;
  /** Sets the filter through the bar and returns the parameter and value it must put in the address. */
  apply: (bar: ReturnType<Page["getByRole"]>) => Promise<[string, string]>;
  /** Checks the bar shows the filter after the address was opened afresh. */
  shows: (bar: ReturnType<Page["getByRole"]>, value: string) => Promise<void>;
}

const selectCase = (path: string, landmark: string, label: string, pick: (values: string[]) => string, parameter: string): Case => ({
  path,
  landmark,
  apply: async (bar) => {
    const select = bar.getByRole("combobox", { name: label });
    const values = await select.locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    const value = pick(values);
    await select.selectOption(value);
    return [parameter, value];
  },
  shows: async (bar, value) => expect(bar.getByRole("combobox", { name: label })).toHaveValue(value),
});

const cases: Case[] = [
  {
    path: "/requests",
    landmark: "Filter requests",
    // The keyboard: type, then Enter applies at once.
    apply: async (bar) => {
      await bar.getByRole("searchbox", { name: "Search titles" }).fill("network");
      await bar.getByRole("searchbox", { name: "Search titles" }).press("Enter");
      return ["q", "network"];
    },
    shows: async (bar, value) => expect(bar.getByRole("searchbox", { name: "Search titles" })).toHaveValue(value),
  },
  {
    path: "/requests",
    landmark: "Filter requests",
    apply: async (bar) => {
      await bar.getByRole("group", { name: "Status" }).getByRole("button", { name: /^Draft/ }).click();
      return ["status", "DRAFT"];
    },
    shows: async (bar) => expect(bar.getByRole("group", { name: "Status" }).getByRole("button", { name: /^Draft/ })).toHaveAttribute("aria-pressed", "true"),
  },
  selectCase("/incidents", "Filter incidents", "Severity", (values) => values.find((value) => value === "SEV2") ?? values[0], "severity"),
  {
    path: "/slos",
    landmark: "Filter SLOs",
    // Typing applies after a pause, without Enter.
    apply: async (bar) => {
      await bar.getByRole("searchbox", { name: "Search" }).pressSequentially("api", { delay: 30 });
      return ["q", "api"];
    },
    shows: async (bar, value) => expect(bar.getByRole("searchbox", { name: "Search" })).toHaveValue(value),
  },
  selectCase("/slos", "Filter SLOs", "Status", (values) => values[0], "status"),
  selectCase("/reviews", "Filter the board", "Team", (values) => values[0], "team"),
  selectCase("/services", "Filter services", "Tier", () => "1", "tier"),
];

test("every filtered list keeps its filters in the address: set, reopened from the link, cleared", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, demoAdmin, demoPassword);
  for (const entry of cases) {
    await page.goto(entry.path);
    const bar = page.getByRole("search", { name: entry.landmark });
    await expect(bar).toBeVisible();
    const [parameter, value] = await entry.apply(bar);
    await expect.poll(() => new URL(page.url()).searchParams.get(parameter), { timeout: 30_000, message: `${entry.path} ${parameter}` }).toBe(value);

    // The link, opened afresh, shows the same filter.
    const link = page.url();
    await page.goto("about:blank");
    await page.goto(link);
    const reopened = page.getByRole("search", { name: entry.landmark });
    await entry.shows(reopened, value);

    // Clear filters empties the address's filters (and the bar).
    await reopened.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get(parameter), { timeout: 30_000 }).toBeNull();
    await expect(reopened.getByRole("button", { name: "Clear filters" })).toHaveCount(0);
  }
});

test("a filter narrows the list it is on", async ({ page }) => {
  await signIn(page, demoAdmin, demoPassword);
  await page.goto("/requests?status=DRAFT");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.first()).toBeVisible();
  // Every row but the header is a draft.
  const statuses = await page.getByRole("table").locator("tbody [data-status]").evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["DRAFT"]));
  await page.goto("/requests?q=zz-no-such-title-zz");
  await expect(page.getByText("No requests match these filters")).toBeVisible();
});
