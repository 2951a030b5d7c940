import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { listZip, zipArtifacts, zipBaseName } from "./zip";

const files = [
  { path: "README.md", content: "# Checkout — ünïcode\n" },
  { path: "modules/network/main.tf", content: 'resource "aws_vpc" "main" {}\n' },
  { path: "architecture.mmd", content: "graph LR\n  a --> b\n" },
];

describe("zipArtifacts", () => {
  it("puts every file at its path under one folder, with the same bytes", () => {
    const listed = listZip(zipArtifacts("checkout-r2", files));
    expect(listed).toEqual(files.map((file) => ({ path: `checkout-r2/${file.path}`, content: file.content })));
  });

  it("is deterministic: the same files give the same bytes, with a fixed file date", () => {
    const first = zipArtifacts("x-r1", files);
    const second = zipArtifacts("x-r1", files);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    // The DOS date of the first local header (offset 12): 1980-01-01 is (0 << 9) | (1 << 5) | 1 = 33.
    const view = new DataView(first.buffer, first.byteOffset);
    expect(view.getUint16(12, true)).toBe(33);
    expect(view.getUint16(10, true)).toBe(0);
  });

  it("differs when a file differs", () => {
    const changed = zipArtifacts("x-r1", [{ ...files[0], content: "other\n" }, ...files.slice(1)]);
    expect(Buffer.from(changed).equals(Buffer.from(zipArtifacts("x-r1", files)))).toBe(false);
    expect(Object.keys(unzipSync(changed))).toHaveLength(3);
  });
});

describe("zipBaseName", () => {
  it("slugs the title and adds the revision", () => {
    expect(zipBaseName("Checkout API on EKS", 3)).toBe("checkout-api-on-eks-r3");
    expect(zipBaseName("  ", 1)).toBe("request-r1");
  });
});
