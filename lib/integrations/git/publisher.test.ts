import { describe, expect, it } from "vitest";
import { Errors } from "isomorphic-git";
import { classifyGitError, createGitPublisher } from "@/lib/integrations/git/publisher";
import { scrubSecrets } from "@/lib/artifacts/scrub";

const target = { cloneUrl: "https://git.example.test/acme/infra.git", defaultBranch: "main", credentials: { username: "bot", password: "p4ssw0rd-VERY-secret" }, provider: null };

describe("Git errors", () => {
  it("classifies what retrying can help and scrubs credentials from every message", () => {
    const network = Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443 https://bot:p4ssw0rd-VERY-secret@git.example.test"), { code: "ECONNREFUSED" });
    expect(classifyGitError(network, target)).toMatchObject({ retryable: true, message: "Could not reach git.example.test (ECONNREFUSED)" });
    const auth = new Errors.HttpError(401, "Unauthorized", "");
    expect(classifyGitError(auth, target)).toMatchObject({ retryable: false, message: expect.stringContaining("Authentication failed") });
    const unavailable = new Errors.HttpError(503, "Service Unavailable", "");
    expect(classifyGitError(unavailable, target).retryable).toBe(true);
    const weird = new Error(`odd failure with p4ssw0rd-VERY-secret and ${Buffer.from("bot:p4ssw0rd-VERY-secret").toString("base64")}`);
    const message = classifyGitError(weird, target).message;
    expect(message).not.toContain("p4ssw0rd-VERY-secret");
    expect(message).not.toContain(Buffer.from("bot:p4ssw0rd-VERY-secret").toString("base64"));
  });

  it("scrubs user:password@ in URLs and authorization headers", () => {
    expect(scrubSecrets("GET https://someone:hunter2@host/x Authorization: Basic QWxhZGRpbjpvcGVu", [])).toBe("GET https://***@host/x Authorization: Basic ***");
  });

  it("refuses a private address literal without sending anything unless private addresses are allowed", async () => {
    const report = await createGitPublisher({} as never).testConnection({ ...target, cloneUrl: "http://127.0.0.1:9/acme/infra.git" }, { timeoutMs: 1_000, allowPrivate: false });
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: "Read", ok: false, detail: expect.stringContaining("private address") });
  });
});
