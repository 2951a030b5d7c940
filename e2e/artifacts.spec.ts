// Artifacts end to end: a demo request's Artifacts tab (tree, highlighting, copy, downloads, compare, print),
// the live preview in the form, every role's Mermaid artifacts drawn in Chromium, and the bundle check:
// pages that show no diagram and no code do not load mermaid or the highlighter.
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import type { Page, Request } from "@playwright/test";
import { roleKeys } from "@/lib/agents/types";
import { getRole } from "@/lib/agents/registry";
import type { RevisionArtifacts } from "@/lib/artifacts/schema";
import { expect, seedTeam, signIn, test } from "./fixtures";
import { byLabel, stepForm } from "./role-form";

const demoAdmin = { email: "admin@demo.local" };
const demoPassword = "demo-password-2026";
const networkRequest = "/requests/demo-request-network";

async function artifactsOf(page: Page, requestId: string, revision?: number): Promise<RevisionArtifacts> {
  const response = await page.request.get(`/api/v1/requests/${requestId}/artifacts${revision ? `?revision=${revision}` : ""}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as RevisionArtifacts;
}

test("a demo request's Artifacts tab: figures, tree, highlighting, copy, downloads, compare and print", async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, demoAdmin, demoPassword);
  const stored = await artifactsOf(page, "demo-request-network");
  expect(stored.revision).toBe(2);

  await page.goto(networkRequest);
  await page.getByRole("tab", { name: "Artifacts" }).click();
  await expect(page.getByRole("combobox", { name: "Revision" })).toHaveValue("2");
  await expect(page.getByText(`Generator ${stored.generatorVersion}`)).toBeVisible();
  const summary = page.getByTestId("artifact-summary");
  for (const figure of stored.summary) await expect(summary.getByText(figure.label, { exact: true })).toBeVisible();

  // The viewer opens on the diagram, drawn; its source is one click away.
  const viewer = page.getByTestId("artifact-viewer");
  const diagram = stored.diagrams[0];
  await expect(viewer.getByRole("heading", { name: diagram.path })).toBeVisible();
  await expect(viewer.locator('[data-testid="mermaid-diagram"] svg')).toBeVisible();
  // The diagram has meeting mode's viewer: zoom with the buttons or keys, actual size, full screen.
  // The network diagram is too wide to read fitted, so it opens at its natural size; 0 fits it.
  const zoom = viewer.getByRole("group", { name: "Zoom", exact: true });
  await expect(zoom).not.toContainText(/^100%/);
  await viewer.getByTestId("diagram-area").locator("[tabindex='0']").press("0");
  await expect(zoom).toContainText("100%");
  await zoom.getByRole("button", { name: "Zoom in (+)" }).click();
  await expect(zoom).toContainText("125%");
  // 1:1 shows the drawing at Mermaid's size, its top-left corner in the viewer's along an axis where it
  // overflows, centred along one where it fits (this network diagram is wide and short).
  await zoom.getByRole("button", { name: "Actual size (1)" }).click();
  const placement = async () =>
    viewer.getByTestId("diagram-area").evaluate((frame) => {
      const svg = frame.querySelector("svg")!;
      const box = svg.getBoundingClientRect();
      const { width, height } = svg.viewBox.baseVal;
      const ratio = Math.min(box.width / width, box.height / height);
      const area = frame.getBoundingClientRect();
      const shown = { width: width * ratio, height: height * ratio };
      const expected = (size: number, areaSize: number) => (size > areaSize ? 0 : (areaSize - size) / 2);
      return {
        left: Math.round(box.left + (box.width - shown.width) / 2 - area.left - expected(shown.width, area.width)),
        top: Math.round(box.top + (box.height - shown.height) / 2 - area.top - expected(shown.height, area.height)),
        widthOff: Math.round(shown.width - width),
        overflows: shown.width > area.width,
      };
    });
  await expect.poll(placement, { timeout: 30_000 }).toEqual({ left: 0, top: 0, widthOff: 0, overflows: true });
  await zoom.getByRole("button", { name: "Full screen" }).click();
  await expect(zoom.getByRole("button", { name: "Leave full screen" })).toBeVisible();
  await zoom.getByRole("button", { name: "Leave full screen" }).click();
  await expect(zoom.getByRole("button", { name: "Full screen" })).toBeVisible();
  await viewer.getByRole("button", { name: "Show source" }).click();
  await expect(viewer.getByTestId("artifact-code")).toContainText(diagram.content.split("\n")[0]);

  // The tree: every file is there; a Terraform file is picked with the keyboard and highlighted.
  const tree = page.getByRole("tree", { name: "Artifact files" });
  const terraform = stored.artifacts.find((artifact) => artifact.path.endsWith(".tf"))!;
  for (const artifact of stored.artifacts) await expect(tree.locator(`[data-path="${artifact.path}"]`)).toHaveCount(1);
  await tree.getByRole("treeitem").first().focus();
  for (let step = 0; step < stored.artifacts.length * 2; step += 1) {
    if (await tree.locator(`[data-path="${terraform.path}"]`).evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect(viewer.getByRole("heading", { name: terraform.path })).toBeVisible();
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute("data-path", terraform.path);
  const code = viewer.getByTestId("artifact-code");
  await expect(code).toHaveAttribute("data-highlighted", "true");
  await expect(code).toHaveAttribute("data-language", "hcl");
  const colours = await code.locator("span[style]").evaluateAll((spans) => new Set(spans.map((span) => getComputedStyle(span).color)).size);
  expect(colours).toBeGreaterThan(2);
  await expect(viewer.getByTestId("artifact-sha")).toHaveText(terraform.sha256.slice(0, 12));

  // Copy, and download the one file.
  await viewer.getByRole("button", { name: "Copy" }).click();
  await expect(viewer.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(terraform.content);
  const fileDownload = page.waitForEvent("download");
  await viewer.getByRole("button", { name: "Download" }).click();
  const file = await fileDownload;
  expect(file.suggestedFilename()).toBe(terraform.path.split("/").at(-1));
  expect(readFileSync((await file.path())!, "utf8")).toBe(terraform.content);

  // The zip: every file at its path under <slug>-r2/.
  const zipDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all (.zip)" }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(/^[a-z0-9-]+-r2\.zip$/);
  const folder = zip.suggestedFilename().replace(/\.zip$/, "");
  const entries = unzipSync(readFileSync((await zip.path())!));
  expect(Object.keys(entries).sort()).toEqual(stored.artifacts.map((artifact) => `${folder}/${artifact.path}`).sort());
  for (const artifact of stored.artifacts) expect(strFromU8(entries[`${folder}/${artifact.path}`])).toBe(artifact.content);

  // Any revision can be viewed.
  const first = await artifactsOf(page, "demo-request-network", 1);
  await page.getByRole("combobox", { name: "Revision" }).selectOption("1");
  await expect(page.getByText(`${first.artifacts.length} files ·`)).toBeVisible();

  // Compare revision 1 with 2: changed files with their line diff, unchanged ones collapsed.
  await page.getByRole("combobox", { name: "Revision" }).selectOption("2");
  await page.getByRole("tab", { name: "Compare revisions" }).click();
  await expect(page.getByRole("combobox", { name: "From (A)" })).toHaveValue("1");
  await expect(page.getByRole("combobox", { name: "To (B)" })).toHaveValue("2");
  const diff = page.getByTestId("artifacts-diff");
  const changed = diff.locator('[data-testid="artifact-change"][data-status="changed"]');
  await expect(changed.first()).toBeVisible();
  const before = new Map(first.artifacts.map((artifact) => [artifact.path, artifact.sha256]));
  const changedCount = stored.artifacts.filter((artifact) => before.has(artifact.path) && before.get(artifact.path) !== artifact.sha256).length;
  expect(changedCount).toBeGreaterThan(0);
  await expect(changed).toHaveCount(changedCount);
  await expect(diff.getByText(`${changedCount} changed`)).toBeVisible();
  await expect(changed.first().locator('tr[data-kind="added"], tr[data-kind="removed"]').first()).toBeVisible();
  // Swapping A and B to the same revision: nothing differs.
  await page.getByRole("combobox", { name: "From (A)" }).selectOption("2");
  await expect(diff.getByText("Pick two different revisions to see what changed.")).toBeVisible();

  // Print: everything expanded, and the print dialog opens once the diagrams are drawn.
  // Record the print dialog instead of opening it, whether the link loads a new document or not.
  const recordPrint = () => {
    window.print = () => document.documentElement.setAttribute("data-printed", "true");
  };
  await page.addInitScript(recordPrint);
  await page.evaluate(recordPrint);
  await page.getByRole("tab", { name: "Files" }).click();
  await page.getByRole("link", { name: "Print" }).click();
  await expect(page).toHaveURL(/\/requests\/demo-request-network\/print\?revision=2&print=1$/);
  await expect(page.locator("html")).toHaveAttribute("data-printed", "true", { timeout: 20_000 });
  await expect(page.locator('[data-testid="mermaid-diagram"] svg')).toHaveCount(stored.diagrams.length);
  await expect(page.locator(".artifact-print-file")).toHaveCount(stored.artifacts.length);
  await expect(page.getByRole("heading", { name: "Requirements" })).toBeVisible();
});

test("the live preview follows the answers as they are typed, and keeps the last good one while they are invalid", async ({ page, asUser }) => {
  const team = await seedTeam("preview");
  await asUser(team.member);
  const role = getRole("network-engineer");
  const created = await page.request.post("/api/v1/requests", { data: { team: team.slug, role: role.key, input: role.example } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/requests/${id}/edit`);
  const preview = page.getByTestId("live-preview");
  await expect(preview.getByText("Free in production", { exact: true })).toBeVisible();
  await expect(preview.locator('[data-testid="mermaid-diagram"] svg').first()).toBeVisible();
  await expect(preview.getByText("addresses in 10.20.0.0/16").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Form steps" }).getByRole("button", { name: /Address plan/ }).click();
  const baseCidr = byLabel(stepForm(page), "Base CIDR").first();
  await baseCidr.fill("10.30.0.0/99");
  await expect(preview.getByTestId("live-preview-status")).toHaveText("Fix 1 answer to update the preview");
  // The last good preview stays.
  await expect(preview.getByText("addresses in 10.20.0.0/16").first()).toBeVisible();
  await expect(preview.locator('[data-testid="mermaid-diagram"] svg').first()).toBeVisible();

  await baseCidr.fill("10.30.0.0/16");
  // A loaded CI machine can take longer than the default 10 s to debounce, generate and redraw.
  await expect(preview.getByText("addresses in 10.30.0.0/16").first()).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByTestId("live-preview-status")).toContainText("Up to date");

  // It can be put away and brought back.
  await preview.getByRole("button", { name: "Hide" }).click();
  await expect(page.getByTestId("live-preview")).toHaveCount(0);
  await page.getByRole("button", { name: "Show live preview" }).click();
  await expect(page.getByTestId("live-preview")).toBeVisible();
});

test("every Mermaid artifact of every role draws in Chromium through the portal's diagram component", async ({ page, asUser }) => {
  test.setTimeout(240_000);
  const team = await seedTeam("diagrams");
  await asUser(team.member);
  let drawn = 0;
  for (const key of roleKeys) {
    const role = getRole(key);
    const previewed = await page.request.post(`/api/v1/agents/${key}/preview`, { data: role.example });
    expect(previewed.status(), key).toBe(200);
    const diagrams = ((await previewed.json()) as { artifacts: { path: string; mediaType: string }[] }).artifacts.filter((artifact) => artifact.mediaType === "text/vnd.mermaid");
    if (diagrams.length === 0) continue;

    // The live preview of a draft with the role's example draws the same diagrams from the preview API.
    const created = await page.request.post("/api/v1/requests", { data: { team: team.slug, role: key, input: role.example } });
    const { id } = (await created.json()) as { id: string };
    await page.goto(`/requests/${id}/edit`);
    const shown = page.getByTestId("live-preview-diagram");
    await expect(shown, key).toHaveCount(diagrams.length);
    for (const [index, diagram] of diagrams.entries()) {
      await expect(shown.nth(index), key).toContainText(diagram.path);
      await expect(shown.nth(index).locator('[data-testid="mermaid-diagram"] svg'), `${key}: ${diagram.path}`).toBeVisible();
      drawn += 1;
    }
    await expect(page.getByText("The diagram could not be drawn"), key).toHaveCount(0);
  }
  expect(drawn).toBeGreaterThanOrEqual(5);
});

// ---- Bundle check -----------------------------------------------------------------------------------

/** Strings that only the libraries' own code contains (not our wrappers, not their import paths). */
const signatures = {
  mermaid: "Diagrams beginning with --- are not valid",
  highlighter: "source.hcl",
};

async function loadedScripts(page: Page, path: string, act?: () => Promise<void>): Promise<Map<string, string>> {
  const urls = new Set<string>();
  const listener = (request: Request) => {
    if (request.resourceType() === "script" || request.url().endsWith(".js")) urls.add(request.url());
  };
  page.on("request", listener);
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  if (act) await act();
  page.off("request", listener);
  const bodies = new Map<string, string>();
  for (const url of urls) bodies.set(url, await (await page.request.get(url)).text());
  return bodies;
}

const containing = (scripts: Map<string, string>, signature: string) => [...scripts].filter(([, body]) => body.includes(signature)).map(([url]) => url);

test("pages without diagrams or code load neither mermaid nor the highlighter; the request page loads them when asked", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demoAdmin, demoPassword);
  // The check's own control: the Artifacts tab does load both, so the signatures do find the libraries.
  const withArtifacts = await loadedScripts(page, networkRequest, async () => {
    await page.getByRole("tab", { name: "Artifacts" }).click();
    await expect(page.locator('[data-testid="mermaid-diagram"] svg')).toBeVisible();
    await page.getByRole("tree", { name: "Artifact files" }).locator('[data-path$=".tf"]').first().click();
    await expect(page.getByTestId("artifact-code")).toHaveAttribute("data-highlighted", "true");
  });
  expect(containing(withArtifacts, signatures.mermaid).length, "mermaid's signature is found where mermaid is loaded").toBeGreaterThan(0);
  expect(containing(withArtifacts, signatures.highlighter).length, "the highlighter's signature is found where it is loaded").toBeGreaterThan(0);

  for (const path of ["/requests", "/slos", networkRequest]) {
    const scripts = await loadedScripts(page, path);
    expect(scripts.size, path).toBeGreaterThan(0);
    expect(containing(scripts, signatures.mermaid), `${path} loads mermaid`).toEqual([]);
    expect(containing(scripts, signatures.highlighter), `${path} loads the highlighter`).toEqual([]);
  }
});
