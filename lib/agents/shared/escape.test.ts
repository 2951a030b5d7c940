import { describe, expect, it } from "vitest";
import { dnsLabel, hclIdentifier, hclString, markdownTable, markdownText, mermaidId, mermaidLabel } from "@/lib/agents/shared/escape";

const hostile = 'a"];click A call alert(1)';

describe("escaping user text", () => {
  it("keeps a hostile Mermaid label inside its quotes", () => {
    const label = mermaidLabel(hostile);
    expect(label).toBe('"a#quot;];click A call alert(1)"');
    expect(label.slice(1, -1)).not.toContain('"');
    expect(mermaidLabel("<b>x</b> & y\nz")).toBe('"#lt;b#gt;x#lt;/b#gt; #amp; y z"');
  });

  it("derives safe Mermaid ids", () => {
    expect(mermaidId(hostile)).toBe("n_a_click_A_call_alert_1");
    expect(mermaidId("")).toBe("n_x");
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
