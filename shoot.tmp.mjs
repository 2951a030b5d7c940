import { chromium } from "playwright";
const base = "http://localhost:3222";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const [width, height] = (process.env.SIZE ?? "1440x900").split("x").map(Number);
for (const theme of (process.env.THEMES ?? "light,dark").split(",")) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(process.env.EMAIL ?? "admin@demo.local");
  await page.getByLabel("Password").fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  for (const [name, path] of (process.env.PAGES ?? "").split(",").map((entry) => entry.split("="))) {
    await page.goto(`${base}${path}`);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `/tmp/reviews-shots/${name}-${theme}-${width}.png`, fullPage: process.env.FULL === "1" });
  }
  await context.close();
}
await browser.close();
