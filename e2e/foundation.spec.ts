import { test, expect, seedTeam, addToTeam, signIn } from "./fixtures";

test.describe("signed out", () => {
  test("a portal page redirects to sign-in and comes back after signing in", async ({ page }) => {
    const team = await seedTeam("redirect");
    await page.goto("/settings/members");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fmembers/);
    await page.getByLabel("Email").fill(team.owner.email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/members$/);
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
  });

  test("a wrong password says only that the email or password is invalid", async ({ page }) => {
    const team = await seedTeam("wrongpw");
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(team.member.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Invalid email or password");
    await page.getByLabel("Email").fill("nobody-at-all@e2e.test");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText("Invalid email or password");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("the sign-in form validates the email before sending it", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("x");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
  });

  test("health, OpenAPI and security headers answer without signing in", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: { reachable: true } });
    const openapi = await request.get("/api/v1/openapi.json");
    expect((await openapi.json()).openapi).toBe("3.1.0");
    const page = await request.get("/sign-in");
    const headers = page.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const me = await request.get("/api/v1/me");
    expect(me.status()).toBe(401);
    expect((await me.json()).error.code).toBe("unauthenticated");
  });
});

test("an owner switches team, creates a team, adds a member, creates and revokes a token, and signs out", async ({ page, asUser, request }) => {
  const first = await seedTeam("alpha");
  const second = await seedTeam("bravo");
  await addToTeam(first.owner, second.slug, "MAINTAINER");
  const newcomer = second.viewer;
  await asUser(first.owner);

  // Switch team.
  const switcher = page.getByTestId("team-switcher");
  await switcher.click();
  await page.getByRole("menuitemradio", { name: new RegExp(second.name) }).click();
  await expect(switcher).toContainText(second.name);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second.name);
  await page.reload();
  await expect(page.getByTestId("team-switcher")).toContainText(second.name);

  // Create a team: it becomes the current team, owned by the creator.
  await page.getByTestId("team-switcher").click();
  await page.getByRole("menuitem", { name: "Create a team" }).click();
  const teamName = `Delta ${Date.now()}`;
  await page.getByLabel("Name").fill(teamName);
  await expect(page.getByLabel("Slug")).toHaveValue(/^delta-\d+$/);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(teamName);
  await expect(page.getByTestId("team-switcher")).toContainText(teamName);

  // Add a member by email.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill(newcomer.email);
  await page.getByLabel("Role", { exact: true }).selectOption("MAINTAINER");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("status")).toContainText(`Added ${newcomer.email}`);
  await expect(page.getByTestId("members-table")).toContainText(newcomer.email);

  // Unknown email: a field error, nothing added.
  await page.getByLabel("Email").fill("no-such-person@e2e.test");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.locator("#member-email-error")).toContainText("No user has this email");

  // Create a token; it is shown once.
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API tokens" }).click();
  await page.getByLabel("Name").fill("ci deploys");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token").textContent())!.trim();
  expect(secret).toMatch(/^ppt_[0-9A-Za-z]{40}$/);
  await page.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByTestId("token-ci deploys")).toContainText("active");
  await expect(page.getByTestId("tokens-table")).not.toContainText(secret);

  // Call the API with it.
  const me = await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  const body = await me.json();
  expect(body).toMatchObject({ via: "token", user: { email: first.owner.email } });
  expect(body.teams.map((t: { name: string }) => t.name)).toEqual([teamName]);

  // Revoke it (after confirming); the API then refuses it.
  await page.getByRole("button", { name: "Revoke ci deploys" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId("token-ci deploys")).toContainText("revoked");
  expect((await request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } })).status()).toBe(401);

  // The home page shows the team's real numbers and activity.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
  await expect(page.getByTestId("activity")).toContainText("revoked the API token “ci deploys”");

  // Sign out.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a viewer sees the team but no controls to change it", async ({ page }) => {
  const team = await seedTeam("viewonly");
  await signIn(page, team.viewer);
  await page.goto("/settings/members");
  await expect(page.getByTestId("members-table")).toContainText(team.owner.email);
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await page.goto("/settings/tokens");
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await expect(page.getByText("Ask a maintainer of the team to create one.")).toBeVisible();
});

test("the shell is usable from the keyboard", async ({ page }) => {
  const team = await seedTeam("keys");
  await signIn(page, team.owner);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.getByTestId("team-switcher").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
});
