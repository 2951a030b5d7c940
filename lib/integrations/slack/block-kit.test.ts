import { describe, expect, it } from "vitest";
import { SLACK_LIMITS, clipMrkdwn, slackMessage, type SlackMessage } from "@/lib/integrations/slack/block-kit";
import { eventTypes } from "@/lib/outbox/events";
import { allSampleEvents, sampleEvent } from "@/lib/testing/sample-events";

type Text = { type: string; text: string };
type Block = { type: string; text?: Text; fields?: Text[]; elements?: { type: string; text: Text | string; url?: string }[] };

/** The structure and limits Slack documents for Block Kit messages; an empty list means Slack would accept it. */
function slackProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  if (typeof message.text !== "string" || message.text.length === 0) problems.push("text: required as the notification fallback");
  const blocks = message.blocks as Block[];
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`blocks: ${blocks.length} > 50`);
  blocks.forEach((block, index) => {
    if (!["section", "actions", "context"].includes(block.type)) problems.push(`blocks[${index}]: unexpected type ${block.type}`);
    if (block.type === "section") {
      if (!block.text && !block.fields?.length) problems.push(`blocks[${index}]: a section needs text or fields`);
      if (block.text && block.text.text.length > SLACK_LIMITS.sectionText) problems.push(`blocks[${index}].text: ${block.text.text.length} > 3000`);
      if ((block.fields?.length ?? 0) > SLACK_LIMITS.fields) problems.push(`blocks[${index}].fields: more than 10`);
      block.fields?.forEach((field, at) => field.text.length > SLACK_LIMITS.fieldText && problems.push(`blocks[${index}].fields[${at}]: ${field.text.length} > 2000`));
    }
    for (const element of block.elements ?? []) {
      if (element.type === "button") {
        const label = element.text as Text;
        if (label.type !== "plain_text" || label.text.length === 0 || label.text.length > SLACK_LIMITS.buttonText) problems.push(`blocks[${index}]: a button needs a plain_text label of 1–75 characters`);
        if (!element.url || element.url.length > SLACK_LIMITS.url || !/^https?:\/\//.test(element.url)) problems.push(`blocks[${index}]: a button's url must be an http(s) URL of at most 3000 characters`);
      }
      if (element.type === "mrkdwn" && (element.text as string).length > SLACK_LIMITS.contextText) problems.push(`blocks[${index}]: context text over 3000`);
    }
  });
  return problems;
}

describe("Slack messages", () => {
  it("exist for every event type and keep within Slack's documented Block Kit limits", () => {
    expect(allSampleEvents().map((event) => event.type)).toEqual(eventTypes);
    for (const event of allSampleEvents()) expect(slackProblems(slackMessage(event)), event.type).toEqual([]);
  });

  it("stay within the limits when people type very long text", () => {
    for (const event of allSampleEvents("Long title ".repeat(1_000))) {
      const message = slackMessage(event);
      expect(slackProblems(message), event.type).toEqual([]);
      expect(JSON.stringify(message)).toContain("…");
    }
  });

  it("say who, severity and status for incidents, with a button back to the portal", () => {
    const message = slackMessage(sampleEvent("incident.declared"));
    const all = JSON.stringify(message);
    expect(message.text).toBe("Incident declared — INC-12: Checkout is down");
    for (const part of ["SEV2", "Investigating", "Ada Lovelace", "Checkout"]) expect(all).toContain(part);
    expect(message.blocks).toContainEqual({ type: "actions", elements: [expect.objectContaining({ type: "button", url: "https://portal.example.com/incidents/inc_1" })] });
  });

  it("give the burn rate and budget left for SLO alerts", () => {
    const all = JSON.stringify(slackMessage(sampleEvent("slo.alert.firing")));
    expect(all).toContain("16.2×");
    expect(all).toContain("threshold 14.4×");
    expect(all).toContain("61.5%");
  });

  it("escape Slack's control characters in what people typed, so text can neither link nor mention", () => {
    const message = slackMessage(sampleEvent("incident.declared", "<!channel> & <https://evil.example|click>"));
    const all = JSON.stringify(message);
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<https://evil.example");
    expect(all).toContain("&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;");
  });

  it("is deterministic", () => {
    for (const event of allSampleEvents()) expect(slackMessage(event)).toEqual(slackMessage(structuredClone(event)));
  });
});

describe("clipMrkdwn", () => {
  it("leaves short text alone and cuts long text to the limit with an ellipsis", () => {
    expect(clipMrkdwn("short", 10)).toBe("short");
    expect(clipMrkdwn("abcdefghijkl", 10)).toBe("abcdefghi…");
  });

  it("never cuts inside an entity or a link", () => {
    expect(clipMrkdwn("abcdefg &amp; more", 11)).toBe("abcdefg …");
    expect(clipMrkdwn("see <https://x.example/a|label> after", 20)).toBe("see …");
  });
});
