import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "@/lib/activity/describe";

describe("Git delivery's audit sentences", () => {
  it("says what happened to repositories and publications", () => {
    const say = (action: string, details: unknown) => describeAuditEvent({ action, details, actor: { name: "Morgan Maintainer", email: "m@example.test" } });
    expect(say("repository.created", { name: "Infra" })).toBe("Morgan Maintainer added the repository “Infra”");
    expect(say("request.publication_queued", { title: "Edge", revision: 2, repository: "Infra" })).toBe("Morgan Maintainer published “Edge” revision 2 to “Infra”");
    expect(say("request.published", { title: "Edge", revision: 2, repository: "Infra", branch: "portal/edge-x", conflicts: ["a.tf"] })).toBe(
      "“Edge” revision 2 was pushed to “Infra” (portal/edge-x) with 1 conflict",
    );
    expect(say("request.publication_failed", { revision: 1, repository: "Infra", error: "The push was rejected" })).toContain("failed: The push was rejected");
  });
});
