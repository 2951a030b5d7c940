// Test helpers for generated HCL: it parses with a real HCL parser (@cdktf/hcl2json) and it is laid out
// as `terraform fmt` lays it out (the rules of hclwrite's formatter, re-checked independently of hcl.ts).
import { parse } from "@cdktf/hcl2json";
import { expect } from "vitest";

interface ScannedLine {
  text: string;
  /** Net change of (), [], {} and ${ } outside quoted strings. */
  bracketChange: number;
  /** Index of the first top-level `=` of an assignment (not ==, =>, <=, >=, !=), if any, outside strings. */
  assignAt?: number;
  /** Net bracket change from the `=` onwards. */
  bracketsAfterAssign: number;
}

function scan(text: string): ScannedLine {
  let bracketChange = 0;
  let assignAt: number | undefined;
  let bracketsAfterAssign = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === "#" || (char === "/" && text[index + 1] === "/")) break;
    let change = 0;
    if (char === '"') inString = true;
    else if ("([{".includes(char)) change = 1;
    else if (")]}".includes(char)) change = -1;
    else if (char === "=" && assignAt === undefined && index > 0 && !"=!<>".includes(text[index - 1]) && text[index + 1] !== "=" && text[index + 1] !== ">") {
      assignAt = index;
    }
    bracketChange += change;
    if (assignAt !== undefined) bracketsAfterAssign += change;
  }
  return { text, bracketChange, assignAt, bracketsAfterAssign };
}

/** The layout problems of an HCL text, as "line N: problem" strings (empty when terraform fmt would leave it as is). */
export function terraformFmtProblems(source: string): string[] {
  const problems: string[] = [];
  if (!source.endsWith("\n") || source.endsWith("\n\n")) problems.push("the file must end with exactly one newline");
  const lines = source.replace(/\n$/, "").split("\n").map(scan);
  const indents: number[] = [];
  let heredocEnd: string | undefined;
  let chain: { line: number; lead: number; at: number }[] = [];
  const closeChain = () => {
    const width = Math.max(...chain.map((entry) => entry.lead));
    for (const entry of chain) if (entry.at !== width + 1) problems.push(`line ${entry.line}: "=" is not aligned with its neighbours (column ${entry.at}, expected ${width + 1})`);
    chain = [];
  };
  lines.forEach((line, index) => {
    const number = index + 1;
    if (heredocEnd !== undefined) {
      if (line.text.trim() === heredocEnd) heredocEnd = undefined;
      if (chain.length) closeChain();
      return;
    }
    if (/[ \t]$/.test(line.text)) problems.push(`line ${number}: trailing whitespace`);
    if (line.text.includes("\t")) problems.push(`line ${number}: tab character`);
    const heredoc = /<<-?([A-Z_]+)\s*$/.exec(line.text);
    if (heredoc) heredocEnd = heredoc[1];
    if (line.text.trim() === "") {
      if (chain.length) closeChain();
      if (index > 0 && lines[index - 1].text.trim() === "") problems.push(`line ${number}: two blank lines in a row`);
      if (index > 0 && /[{[(]$/.test(lines[index - 1].text)) problems.push(`line ${number}: blank line after an opening bracket`);
      if (index + 1 < lines.length && /^\s*[}\])]/.test(lines[index + 1].text)) problems.push(`line ${number}: blank line before a closing bracket`);
      return;
    }
    // Indentation: two spaces per open bracket level, as hclwrite's formatIndent computes it.
    let expected: number;
    if (line.bracketChange > 0) {
      expected = 2 * indents.length;
      indents.push(line.bracketChange);
    } else if (line.bracketChange < 0) {
      let closed = -line.bracketChange;
      while (closed > 0 && indents.length > 0) {
        const top = indents[indents.length - 1];
        if (closed >= top) {
          closed -= top;
          indents.pop();
        } else {
          indents[indents.length - 1] -= closed;
          closed = 0;
        }
      }
      expected = 2 * indents.length;
    } else expected = 2 * indents.length;
    const actual = line.text.length - line.text.trimStart().length;
    if (actual !== expected) problems.push(`line ${number}: indented ${actual} spaces, expected ${expected}`);
    // Alignment of "=" across consecutive single-line assignments.
    if (line.assignAt !== undefined && line.bracketsAfterAssign === 0) {
      const lead = line.text.slice(0, line.assignAt).trimEnd().length;
      if (line.text[line.assignAt + 1] !== " " || line.text[line.assignAt + 2] === " ") problems.push(`line ${number}: "=" must be followed by exactly one space`);
      chain.push({ line: number, lead, at: line.assignAt });
    } else if (chain.length) closeChain();
    // One blank line between top-level blocks.
    if (line.text === "}" && index + 1 < lines.length && lines[index + 1].text.trim() !== "") problems.push(`line ${number + 1}: a top-level block must be followed by a blank line`);
  });
  if (chain.length) closeChain();
  if (indents.length !== 0) problems.push("unbalanced brackets at the end of the file");
  return problems;
}

/** Asserts that an HCL file parses and is laid out as terraform fmt would lay it out. */
export async function expectValidHcl(fileName: string, source: string): Promise<void> {
  await expect(parse(fileName, source), `${fileName} should parse as HCL`).resolves.toBeTypeOf("object");
  expect(terraformFmtProblems(source), `${fileName} layout`).toEqual([]);
}
