import { describe, expect, it } from "vitest";
import { attribute, attributes, blank, block, call, comment, expr, hclFile } from "@/lib/agents/shared/hcl";
import { parseHcl, terraformFmtDiff } from "@/lib/agents/shared/artifact-validity";
import { expectValidHcl, terraformFmtProblems } from "@/lib/agents/shared/hcl-testing";

describe("hclFile", () => {
  const file = hclFile([
    block("terraform", [], [attribute("required_version", ">= 1.6.0"), block("required_providers", [], [attribute("aws", { source: "hashicorp/aws", version: "~> 5.0" })])]),
    comment("The network of one environment."),
    block("resource", ["aws_vpc", "main"], [
      ...attributes({ cidr_block: expr("var.cidr_block"), enable_dns_support: true, enable_dns_hostnames: true, unused: undefined }),
      attribute("tags", { Name: expr('"${var.name}-vpc"'), "kubernetes.io/role/elb": "1" }),
      attribute("count", 2),
      blank,
      attribute("policy", call("jsonencode", { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"] }] })),
    ]),
  ]);

  it("lays out blocks, aligned attributes and multi-line values as terraform fmt does", () => {
    expect(file).toBe(
      [
        "terraform {",
        '  required_version = ">= 1.6.0"',
        "",
        "  required_providers {",
        "    aws = {",
        '      source  = "hashicorp/aws"',
        '      version = "~> 5.0"',
        "    }",
        "  }",
        "}",
        "",
        "# The network of one environment.",
        'resource "aws_vpc" "main" {',
        "  cidr_block           = var.cidr_block",
        "  enable_dns_support   = true",
        "  enable_dns_hostnames = true",
        "",
        "  tags = {",
        '    Name                     = "${var.name}-vpc"',
        '    "kubernetes.io/role/elb" = "1"',
        "  }",
        "",
        "  count = 2",
        "",
        "  policy = jsonencode({",
        '    Version = "2012-10-17"',
        "",
        "    Statement = [",
        "      {",
        '        Effect = "Allow"',
        '        Action = ["s3:GetObject"]',
        "      },",
        "    ]",
        "  })",
        "}",
        "",
      ].join("\n"),
    );
    expect(terraformFmtProblems(file)).toEqual([]);
  });

  it("parses with a real HCL parser", async () => {
    await expectValidHcl("main.tf", file);
  });

  it("escapes user text in strings, labels and comments", async () => {
    const hostile = 'a"];click A call alert(1) ${file("/etc/passwd")}\n} resource "x" "y" {';
    const text = hclFile([comment(hostile), block("resource", ["null_resource", hostile], [attribute("description", hostile)])]);
    await expectValidHcl("hostile.tf", text);
    // Outside comments, the interpolation is escaped ($${) and cannot run.
    const code = text.split("\n").filter((line) => !line.startsWith("#"));
    expect(code.join("\n")).not.toMatch(/[^$]\$\{file/);
    expect(text.split("\n").filter((line) => line.startsWith("resource"))).toHaveLength(1);
  });

  it("spots layout that terraform fmt would change", () => {
    expect(terraformFmtProblems('a = 1\nbbb = 2\n')).toEqual(['line 1: "=" is not aligned with its neighbours (column 2, expected 4)']);
    expect(terraformFmtProblems('x {\n    a = 1\n}\n')).toEqual(["line 2: indented 4 spaces, expected 2"]);
    expect(terraformFmtProblems('x {\n}\ny {\n}\n')).toEqual(["line 3: a top-level block must be followed by a blank line"]);
  });
});

describe("issue 15: alignment by grapheme", () => {
  it("aligns = after tag keys holding emoji and combining accents as terraform fmt does", async () => {
    const file = hclFile([
      block("locals", [], [attribute("tags", { "👍🏽team": "a", "cafe\u0301": "b", "\u0301 1🙂|-\u0301-$%%": "f", "👨‍👩‍👧": "c", plain: "d", "日本": "e" })]),
      // A combining mark after `$`, `%` or an escaped `${` (PROPERTY_SEED=1328278616 found the last).
      block("locals", [], [attribute("more", { "1\u0301🙂${\u0301%": "a", "a$\u0301b": "b", "%\u0301": "c", "x%{\u0301y": "d", "environment": "e" })]),
    ]);
    const artifact = { path: "tags.tf", kind: "terraform" as const, mediaType: "text/x-hcl", content: file };
    expect(Object.keys(await parseHcl(artifact))).toEqual(["locals"]);
    // The real terraform fmt: it must leave the file as it is.
    expect(terraformFmtDiff([artifact])).toBe("");
  });
});
