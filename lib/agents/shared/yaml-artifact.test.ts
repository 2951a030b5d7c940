import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { promtoolCheckRules, yamlReadersDisagree } from "@/lib/agents/shared/artifact-validity";
import { yamlDocument, yamlDocuments } from "@/lib/agents/shared/yaml-artifact";

// Strings from issue 15 (and their relatives) that a YAML 1.1 reader resolves to something else when plain.
const yaml11Specials = [
  "on", "On", "ON", "off", "yes", "Yes", "no", "NO", "y", "Y", "n", "N", "true", "False", "null", "Null", "~", "",
  "0b1", "0b1010", "0o17", "017", "0x1F", "1_000", "+12", "-0", "1e3", "6.02e+23", ".inf", "-.Inf", ".NaN",
  "12:30:00", "190:20:30.15", "-12:30", "2026-01-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
  "=", "<<", ".", "-", "?", "- a", "a: b", "x #y", "#x", "@x", "`x", "!x", "&x", "*x", "%x", "|", ">", "[a]", "{a}",
  "'a'", '"a"', " lead", "trail ", "é\u0301", "👍🏽", "multi\nline", "tab\tin",
];
const controlCharacters = ["a\u2028b", "a\u2029b", "a\u007fb", "a\u0001b", "a\u0000b", "a\u001bb", "a\u0085b", "a\u0080b", "a\u009fb", "a\ufffeb", "\u007f"];

describe("the YAML writer", () => {
  it("quotes every YAML-1.1-ambiguous string, as value and as key, so PyYAML and yaml 1.2 read the same strings", () => {
    const value = {
      namespace: "on",
      labels: Object.fromEntries(yaml11Specials.map((text, index) => [`k${index}`, text])),
      keys: Object.fromEntries(yaml11Specials.filter((text) => text !== "").map((text) => [text, text])),
      list: [...yaml11Specials, ...controlCharacters],
    };
    const text = yamlDocument(value, ["header with \u007f DEL"]);
    expect(text).toContain('namespace: "on"\n');
    expect(text).toContain('"12:30:00"');
    expect(text).toContain('"2026-01-01"');
    expect(text).toContain('"0b1"');
    expect(text).toContain('"0o17"');
    expect(yamlReadersDisagree([{ path: "value.yaml", kind: "kubernetes", mediaType: "application/yaml", content: text }])).toEqual([]);
    expect(YAML.parse(text)).toEqual(value);
  });

  it("escapes DEL, C1 and other non-printable characters instead of writing them raw", () => {
    const text = yamlDocument({ values: controlCharacters });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/);
    expect(text).toContain('"a\\x7fb"');
    expect(YAML.parse(text)).toEqual({ values: controlCharacters });
  });

  it("keeps every document of a multi-document file apart", () => {
    const text = yamlDocuments([{ a: "yes" }, { b: "12:30:00" }], ["h"]);
    expect(YAML.parseAllDocuments(text).map((document) => document.toJS())).toEqual([{ a: "yes" }, { b: "12:30:00" }]);
  });

  it("writes a rule file with DEL in a label that promtool accepts (issue 15: control characters)", () => {
    const rules = yamlDocument({ groups: [{ name: "g", rules: [{ alert: "A", expr: "vector(1)", labels: { team: "pay\u007fments", when: "on" } }] }] });
    expect(promtoolCheckRules(rules)).toMatch(/SUCCESS/);
  });
});
