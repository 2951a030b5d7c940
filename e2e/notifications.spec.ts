// Notifications end to end: an owner adds a webhook endpoint pointed at a receiver running in this test
// process, which verifies each request's Standard Webhooks signature with the secret the page showed
// once. A test event and a declared incident arrive verified and show as delivered in the endpoint's log,
// which refreshes itself. A viewer of the team sees the endpoint but none of the controls.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Locator } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { test, expect, seedTeam, signIn } from "./fixtures";

interface VerifiedEvent {
  webhookId: string;
  type: string;
  data: Record<string, unknown>;
}

/** The receiver's state; `secret` is set from the page once the portal has shown it. */
const receiver = {
  url: "",
  secret: undefined as string | undefined,
  verified: [] as VerifiedEvent[],
  rejected: 0,
};
let server: Server;

function headersOf(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));
}

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = headersOf(request);
      try {
        if (!receiver.secret) throw new Error("The secret is not known yet");
        // verify() checks the signature over the raw body and the timestamp's freshness, then parses it.
        const body = new Webhook(receiver.secret).verify(Buffer.concat(chunks).toString("utf8"), headers) as { type: string; data: Record<string, unknown> };
        receiver.verified.push({ webhookId: headers["webhook-id"] ?? "", type: body.type, data: body.data });
        response.writeHead(204).end();
      } catch {
        receiver.rejected += 1;
        response.writeHead(401, { "content-type": "text/plain" }).end("Signature not verified");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/portal`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The webhook-id a log row shows (the event's id, sent as the `webhook-id` header). */
async function webhookIdOf(row: Locator): Promise<string> {
  const id = (await row.innerText()).match(/msg_[A-Za-z0-9]+/)?.[0];
  expect(id, "the row shows its webhook-id").toBeTruthy();
  return id!;
}

test("an owner adds a signed webhook; a test event and a declared incident reach the receiver verified and show as delivered; a viewer only reads", async ({ page, browser }) => {
  // Several round trips through the worker on a shared machine.
  test.setTimeout(180_000);
  const team = await seedTeam("notify");
  await signIn(page, team.owner);

  // Settings → Notifications: nothing yet.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No notification endpoints yet" })).toBeVisible();

  // The form says what is missing, field by field, before anything is sent.
  const form = page.getByRole("form", { name: "Add an endpoint" });
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByText("Use at least 2 characters")).toBeVisible();
  await expect(form.getByText("Choose at least one event")).toBeVisible();

  // A webhook to the receiver, for every event.
  await form.getByLabel("Kind").selectOption("WEBHOOK");
  await form.getByRole("textbox", { name: "Name", exact: true }).fill("E2E receiver");
  await form.getByRole("textbox", { name: "URL", exact: true }).fill(receiver.url);
  await form.getByRole("checkbox", { name: "Select all" }).check();
  await expect(form.getByRole("checkbox", { name: "Incident declared" })).toBeChecked();
  await form.getByRole("button", { name: "Add endpoint" }).click();

  // The signing secret, shown this once.
  const panel = page.getByRole("region", { name: "Signing secret of “E2E receiver”" });
  await expect(panel).toBeVisible();
  const secret = await panel.getByLabel("Signing secret", { exact: true }).inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
  receiver.secret = secret;
  await panel.getByRole("button", { name: "I have stored it" }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);

  // The list shows it; its page has the log.
  const table = page.getByRole("table", { name: "Notification endpoints of the team" });
  await expect(table.getByRole("row", { name: /E2E receiver/ })).toContainText("Active");
  await expect(table.getByRole("row", { name: /E2E receiver/ })).toContainText("127.0.0.1");
  await table.getByRole("link", { name: "E2E receiver" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications\/[^/?]+$/);
  const endpointUrl = page.url();
  await expect(page.getByRole("heading", { name: "E2E receiver", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No deliveries yet" })).toBeVisible();

  // A test event: queued, then delivered (the page refreshes by itself), and verified at the receiver.
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByRole("region", { name: /^Notifications \(/ }).getByText("Test event queued")).toBeVisible();
  const log = page.getByRole("table", { name: "Deliveries to E2E receiver, newest first" });
  const testRow = log.getByRole("row").filter({ hasText: "portal.test" });
  await expect(testRow).toHaveCount(1, { timeout: 30_000 });
  await expect(testRow.getByText("Delivered", { exact: true })).toBeVisible({ timeout: 30_000 });
  const testId = await webhookIdOf(testRow);
  await expect.poll(() => receiver.verified.filter((event) => event.type === "portal.test").map((event) => event.webhookId), { timeout: 30_000 }).toEqual([testId]);
  await expect(testRow).toContainText("204");

  // Redelivering sends the same event again, with the same webhook-id.
  await testRow.getByRole("button", { name: /^Redeliver portal\.test/ }).click();
  await expect.poll(() => receiver.verified.filter((event) => event.webhookId === testId).length, { timeout: 30_000 }).toBe(2);

  // An incident declared through the UI is delivered too.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Incidents" }).click();
  await page.getByRole("link", { name: "Declare an incident" }).first().click();
  await page.getByLabel("What is wrong?").fill("Notifications e2e outage");
  await page.getByText("SEV3 Moderate").click();
  await page.getByRole("button", { name: "Declare incident" }).click();
  await expect(page.getByTestId("incident-header")).toContainText("Notifications e2e outage");

  await page.goto(endpointUrl);
  const incidentRow = log.getByRole("row").filter({ hasText: "incident.declared" });
  await expect(incidentRow).toHaveCount(1, { timeout: 30_000 });
  await expect(incidentRow.getByText("Delivered", { exact: true })).toBeVisible({ timeout: 30_000 });
  const incidentId = await webhookIdOf(incidentRow);
  await expect
    .poll(() => receiver.verified.find((event) => event.type === "incident.declared")?.webhookId, { timeout: 30_000 })
    .toBe(incidentId);
  const declared = receiver.verified.find((event) => event.type === "incident.declared")!;
  expect((declared.data.incident as { title: string }).title).toBe("Notifications e2e outage");
  expect((declared.data.team as { slug: string }).slug).toBe(team.slug);
  expect(receiver.rejected, "every request carried a valid signature").toBe(0);

  // The status filter.
  const filters = page.getByRole("navigation", { name: "Filter deliveries by status" });
  await filters.getByRole("link", { name: "Failed" }).click();
  await expect(page).toHaveURL(/\?status=failed$/);
  await expect(page.getByRole("heading", { name: "No failed deliveries" })).toBeVisible();
  await filters.getByRole("link", { name: "Delivered" }).click();
  await expect(log.getByRole("row").filter({ hasText: "incident.declared" })).toHaveCount(1);

  // A viewer sees the endpoint and its log, and no control to change anything.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, team.viewer);
  await viewer.goto("/settings/notifications");
  await expect(viewer.getByRole("link", { name: "E2E receiver" })).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Add an endpoint" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add endpoint" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "E2E receiver" }).click();
  await expect(viewer.getByRole("heading", { name: "E2E receiver", level: 1 })).toBeVisible();
  await expect(viewer.getByRole("table", { name: "Deliveries to E2E receiver, newest first" }).getByRole("row").filter({ hasText: "portal.test" })).toHaveCount(1);
  for (const name of ["Edit", "Rotate secret", "Delete", "Disable", "Send test event"]) {
    await expect(viewer.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  await expect(viewer.getByRole("button", { name: /^Redeliver/ })).toHaveCount(0);
  await viewerContext.close();
});
