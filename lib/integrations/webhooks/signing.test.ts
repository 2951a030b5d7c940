import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { signWebhook } from "@/lib/integrations/webhooks/signing";

const current = "whsec_" + Buffer.alloc(32, 1).toString("base64");
const previous = "whsec_" + Buffer.alloc(32, 2).toString("base64");
const other = "whsec_" + Buffer.alloc(32, 3).toString("base64");

describe("signWebhook", () => {
  const body = JSON.stringify({ type: "portal.test", timestamp: "2026-12-04T10:00:00.000Z", data: { message: "hi" } });

  it("produces headers the standardwebhooks verifier accepts, with every secret during a rotation", () => {
    const now = new Date();
    const headers = signWebhook([current, previous], "msg_abc", now, body);
    expect(headers["webhook-id"]).toBe("msg_abc");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(headers["webhook-signature"]).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(current).verify(body, { ...headers })).toMatchObject({ type: "portal.test" });
    expect(new Webhook(previous).verify(body, { ...headers })).toMatchObject({ data: { message: "hi" } });
    expect(() => new Webhook(other).verify(body, { ...headers })).toThrow();
    expect(() => new Webhook(current).verify(body.replace("hi", "ho"), { ...headers })).toThrow();
  });

  it("is deterministic for the same id, time and body, and refuses an endpoint without a secret", () => {
    const at = new Date("2026-12-04T10:00:00Z");
    expect(signWebhook([current], "msg_1", at, body)).toEqual(signWebhook([current], "msg_1", at, body));
    expect(signWebhook([current], "msg_1", at, body)["webhook-signature"]).not.toBe(signWebhook([current], "msg_2", at, body)["webhook-signature"]);
    expect(() => signWebhook([], "msg_1", at, body)).toThrow(/no signing secret/);
  });
});
