// The role catalogue, a role page with its collaboration diagram, and the agents API.
import { test, expect, seedTeam } from "./fixtures";

test.describe("roles", () => {
  test("the catalogue groups the ten roles by domain and filters them as you type", async ({ asUser }) => {
    const team = await seedTeam("catalogue");
    const page = await asUser(team.member);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
    await expect(page.getByRole("heading", { name: "Specialist roles", level: 1 })).toBeVisible();

    for (const domain of ["Architecture & infrastructure as code", "Runtime & delivery", "Reliability & incidents", "Network & security"]) {
      await expect(page.getByRole("heading", { name: domain, level: 2 })).toBeVisible();
    }
    const cards = page.getByTestId("role-card");
    await expect(cards).toHaveCount(10);
    await expect(page.getByTestId("domain-runtime-delivery").getByTestId("role-card")).toHaveCount(3);

    // "/" jumps to the search; a word from a responsibility finds its role.
    await page.getByRole("heading", { name: "Specialist roles" }).click();
    await page.keyboard.press("/");
    const search = page.getByLabel("Search the roles");
    await expect(search).toBeFocused();
    await page.keyboard.type("canary");
    await expect(cards).toHaveCount(1);
    await expect(cards.first().getByRole("heading", { name: "Deployment Engineer" })).toBeVisible();
    await expect(page.getByText("1 of 10 roles match")).toBeVisible();
    await expect(page).toHaveURL(/\/roles\?q=canary$/);

    await search.fill("zero-trust networking");
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText("Security Engineer");

    await search.fill("quantum blockchain");
    await expect(cards).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "No role matches “quantum blockchain”" })).toBeVisible();
    await page.getByRole("button", { name: "Clear the search" }).click();
    await expect(cards).toHaveCount(10);

    // Escape clears, and the cards are reachable from the keyboard.
    await search.fill("terraform");
    await search.press("Escape");
    await expect(search).toHaveValue("");
    await search.press("Tab");
    await expect(cards.getByRole("link", { name: "Cloud Architect", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/roles\/cloud-architect$/);
  });

  test("a role page shows its targets, phases, collaborators diagram and the team's requests", async ({ asUser }) => {
    const team = await seedTeam("rolepage");
    const page = await asUser(team.member);
    await page.goto("/roles/sre-engineer");
    await expect(page.getByRole("heading", { name: "SRE Engineer", level: 1 })).toBeVisible();

    const targets = page.getByTestId("role-targets");
    await expect(targets).toContainText("SLO compliance");
    await expect(targets).toContainText("> 99.9%");
    await expect(targets).toContainText("< 30 minutes");
    await expect(targets).toContainText("Toil, as a share of time");
    await expect(targets).toContainText("< 50%");
    for (const phase of ["Assessment", "Implementation", "Excellence"]) await expect(page.getByRole("heading", { name: phase, level: 3 })).toBeVisible();

    const diagram = page.getByTestId("collaboration-diagram");
    await expect(diagram.getByRole("img", { name: /SRE Engineer works with/ })).toBeVisible();
    await expect(diagram.locator("svg")).toBeVisible();
    await expect(diagram.locator("svg")).toContainText("Kubernetes Specialist");
    await expect(diagram.getByTestId("mermaid-source")).toHaveCount(0);

    const collaborators = page.getByRole("list", { name: "Collaborators" });
    for (const name of ["Cloud Architect", "Kubernetes Specialist", "Deployment Engineer", "Incident Responder"]) {
      await expect(collaborators.getByRole("link", { name, exact: true })).toBeVisible();
    }

    await expect(page.getByRole("heading", { name: "No requests yet" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Start a request" }).first()).toHaveAttribute("href", "/requests/new?role=sre-engineer");

    await collaborators.getByRole("link", { name: "Kubernetes Specialist", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Kubernetes Specialist", level: 1 })).toBeVisible();
    await expect(page.getByTestId("role-targets")).toContainText("> 70%");
    await expect(page.getByTestId("collaboration-diagram").locator("svg")).toBeVisible();
  });

  test("an external collaborator is drawn but not linked, and an unknown role is not found", async ({ asUser }) => {
    const team = await seedTeam("external");
    const page = await asUser(team.member);
    await page.goto("/roles/deployment-engineer");
    await expect(page.getByTestId("collaboration-diagram").locator("svg")).toContainText("Backend Developer");
    await expect(page.getByRole("list", { name: "Collaborators" })).toContainText("Backend Developer (not a portal role)");
    await expect(page.getByRole("list", { name: "Collaborators" }).getByRole("link", { name: /Backend Developer/ })).toHaveCount(0);

    const response = await page.goto("/roles/backend-developer");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("the agents API returns the JSON Schema of all ten roles", async ({ asUser }) => {
    const team = await seedTeam("agentsapi");
    const page = await asUser(team.member);
    const response = await page.request.get("/api/v1/agents");
    expect(response.status()).toBe(200);
    const { agents } = (await response.json()) as { agents: { key: string; inputSchema: { type: string; properties: Record<string, unknown> } }[] };
    expect(agents).toHaveLength(10);
    for (const agent of agents) {
      expect(agent.inputSchema.type).toBe("object");
      expect(Object.keys(agent.inputSchema.properties).length).toBeGreaterThan(5);
    }
    const one = await page.request.get("/api/v1/agents/network-engineer");
    expect(one.status()).toBe(200);
    expect((await one.json()).agent.key).toBe("network-engineer");
    const missing = await page.request.get("/api/v1/agents/nope");
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
  });
});
