import { chromium } from "@playwright/test";
const base = "http://localhost:3223";
const [,, ...targets] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const spec of targets) {
  const [path, name, w, h, theme, keys] = spec.split("|");
  const context = await browser.newContext({ viewport: { width: Number(w), height: Number(h) }, colorScheme: theme === "dark" ? "dark" : "light" });
  if (theme === "dark") await context.addCookies([{ name: "portal-theme", value: "dark", url: base }]);
  const page = await context.newPage();
  await page.goto(base + "/sign-in");
  await page.getByLabel("Email").fill("admin@demo.local");
  await page.getByLabel("Password").fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  await page.goto(base + path);
  await page.waitForTimeout(Number(process.env.WAIT ?? 2500));
  for (const key of (keys ?? "").split(",").filter(Boolean)) { await page.keyboard.press(key); await page.waitForTimeout(Number(process.env.KEYWAIT ?? 3000)); }
  await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: path.includes("present") ? false : true });
  await context.close();
}
await browser.close();
