import { describe, expect, it } from "vitest";
import { formatSize, languageOf } from "./languages";

describe("languageOf", () => {
  it.each([
    ["main.tf", "text/x-hcl", "hcl"],
    ["env/prod.tfvars", "text/x-hcl", "hcl"],
    ["k8s/deployment.yaml", "application/yaml", "yaml"],
    [".github/workflows/ci.yml", "application/yaml", "yaml"],
    ["dashboard.json", "application/json", "json"],
    ["README.md", "text/markdown", "markdown"],
    ["services/orders/Dockerfile", "text/x-dockerfile", "dockerfile"],
    ["Makefile", "text/x-makefile", "makefile"],
    ["scripts/check.sh", "text/plain", "shellscript"],
    [".dockerignore", "text/plain", "text"],
    ["notes", "application/yaml", "yaml"],
  ])("%s (%s) → %s", (path, mediaType, language) => {
    expect(languageOf({ path, mediaType })).toBe(language);
  });
});

describe("formatSize", () => {
  it("reads like a file manager", () => {
    expect(formatSize(812)).toBe("812 B");
    expect(formatSize(4200)).toBe("4.2 kB");
    expect(formatSize(2_500_000)).toBe("2.5 MB");
  });
});
