import { describe, expect, it } from "vitest";
import { dnsLabel, hclIdentifier, hclString, markdownTable, markdownText, mermaidId, mermaidLabel, prometheusTemplateText } from "@/lib/agents/shared/escape";

const hostile = 'a"];click A call alert(1)';

describe("escaping user text", () => {
  it("keeps a hostile Mermaid label inside its quotes", () => {
    const label = mermaidLabel(hostile);
    expect(label).toBe('"a#quot;];click A call alert(1)"');
    expect(label.slice(1, -1)).not.toContain('"');
    expect(mermaidLabel("<b>x</b> & y\nz")).toBe('"#lt;b#gt;x#lt;/b#gt; #amp; y z"');
  });

  it("derives safe Mermaid ids", () => {
    expect(mermaidId(hostile)).toBe("n_a_22__5d__3b_click_20_A_20_call_20_alert_28_1_29_");
    expect(mermaidId("")).toBe("n_");
  });

  it("escapes Markdown markup and table pipes", () => {
    expect(markdownText("*bold* [link](javascript:x) <img>\n\n# x")).toBe("\\*bold\\* \\[link\\](javascript:x) \\<img\\> # x");
    expect(markdownTable(["a", "b"], [["x|y", 1]])).toBe("| a | b |\n| --- | --- |\n| x\\|y | 1 |");
  });

  it("escapes HCL strings, including template sequences", () => {
    expect(hclString('say "hi" ${var.x} %{if} \\ \n')).toBe('"say \\"hi\\" $${var.x} %%{if} \\\\ \\n"');
  });

  it("derives DNS labels and HCL identifiers", () => {
    expect(dnsLabel("Checkout API (EU)")).toBe("checkout-api-eu");
    expect(dnsLabel("---")).toBe("x");
    expect(hclIdentifier("3rd party")).toBe("_3rd_party");
  });
});

describe("issue 15: escaping once per target language", () => {
  it("keeps typed math and directives from reaching Mermaid as $$ or %%", () => {
    const label = mermaidLabel("$$x^2$$ %%{init: {'theme':'dark'}}%% %% comment");
    expect(label).not.toMatch(/[$%]/);
    expect(label).toContain("#36;#36;x^2#36;#36;");
    expect(label).toContain("#37;#37;{init");
  });

  it("gives texts that differ only in punctuation different node ids", () => {
    expect(mermaidId("public--b")).not.toBe(mermaidId("public-b"));
    expect(mermaidId("public_b")).not.toBe(mermaidId("public-b"));
    expect(mermaidId("a b")).toMatch(/^n_[A-Za-z0-9_]+$/);
  });

  it("escapes Go-template actions in Prometheus text", () => {
    expect(prometheusTemplateText("PAY {{")).toBe('PAY {{ "{{" }}');
    expect(prometheusTemplateText("}} alone")).toBe("}} alone");
  });
});
