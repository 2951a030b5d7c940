// Layout at the widths people use: 1920×1080, 1366×768 and a 390×844 phone, light and dark. For the request
// form, the artifact viewer, an SLO page, the requests and SLO lists and meeting mode it takes screenshots (test-results/layout/, for a
// person to look at) and asserts what breaks most often: no horizontal scroll, no control narrower than its
// content, and diagrams at least 60 % of the viewer's width with zoom at hand.
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

const demoAdmin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";
const widths = [
  { name: "1920", width: 1920, height: 1080 },
  { name: "1366", width: 1366, height: 768 },
  { name: "390", width: 390, height: 844 },
] as const;
const themes = ["light", "dark"] as const;

/** Whatever scrolls the page sideways, and every visible control whose content does not fit it. */
async function layoutProblems(page: Page): Promise<{ overflow: number; clipped: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const clipped: string[] = [];
    for (const control of document.querySelectorAll<HTMLElement>("main select, main button, main input[type=text], main [role=tab]")) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || control.closest("[data-scroll-x]")) continue;
      if (control.scrollWidth > control.clientWidth + 1) {
        const name = control.getAttribute("aria-label") ?? control.textContent?.trim().slice(0, 40) ?? control.tagName;
        clipped.push(`${control.tagName.toLowerCase()} “${name}” ${control.clientWidth}px < ${control.scrollWidth}px`);
      }
    }
    return { overflow: root.scrollWidth - root.clientWidth, clipped };
  });
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/layout/${name}.png`, fullPage: false });
}

async function check(page: Page, name: string) {
  await shoot(page, name);
  const problems = await layoutProblems(page);
  expect(problems.overflow, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(0);
  expect(problems.clipped, `${name}: controls narrower than their content`).toEqual([]);
}

async function sloUrl(page: Page): Promise<string> {
  await page.goto("/slos");
  const href = await page.locator('main a[href^="/slos/"]:not([href="/slos/new"])').first().getAttribute("href");
  return href!;
}

for (const size of widths) {
  test(`the form, the artifact viewer, an SLO and meeting mode hold at ${size.name} px, light and dark`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, demoAdmin, demoPassword);
    const slo = await sloUrl(page);
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const theme of themes) {
      await page.emulateMedia({ colorScheme: theme });
      const tag = `${size.name}-${theme}`;

      // The form with a demo request's answers (a copy: nothing is saved until something changes).
      await page.goto("/requests/new?role=cloud-architect&from=demo-request-cloud");
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
      await check(page, `form-${tag}`);
      await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Review and submit/ }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Review and submit" })).toBeVisible();
      await check(page, `form-review-${tag}`);

      await page.goto("/requests/demo-request-network?tab=artifacts");
      const viewer = page.getByTestId("artifact-viewer");
      const svg = viewer.locator('[data-testid="mermaid-diagram"] svg').first();
      await expect(svg).toBeVisible({ timeout: 30_000 });
      await viewer.scrollIntoViewIfNeeded();
      await check(page, `artifacts-${tag}`);
      const [viewerBox, svgBox] = [await viewer.boundingBox(), await svg.boundingBox()];
      expect(svgBox!.width / viewerBox!.width, `${tag}: the diagram's share of the viewer`).toBeGreaterThanOrEqual(0.6);
      await expect(viewer.getByRole("button", { name: "Zoom in" })).toBeVisible();

      await page.goto(slo);
      await expect(page.locator("main svg").first()).toBeVisible();
      await check(page, `slo-${tag}`);

      // Lists with the shared filter bar, a filter set from the address.
      await page.goto("/requests?status=SUBMITTED");
      await expect(page.getByRole("search", { name: "Filter requests" })).toBeVisible();
      await check(page, `requests-${tag}`);
      await page.goto("/slos?status=exhausted");
      await expect(page.getByRole("search", { name: "Filter SLOs" })).toBeVisible();
      await check(page, `slos-${tag}`);

      await page.goto("/reviews/meetings/demo-meeting-platform-upcoming/present?preview=1");
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await shoot(page, `meeting-${tag}`);
      expect((await layoutProblems(page)).overflow, `meeting-${tag}: sideways scroll`).toBeLessThanOrEqual(0);
    }
  });
}
