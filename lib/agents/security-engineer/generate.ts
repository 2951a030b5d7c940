// The security-engineer's generator: a control checklist mapped to the chosen frameworks (control →
// requirement → how it is met → evidence, with a status), a STRIDE threat model per component, a CI
// security-scanning stage (GitHub Actions), secret paths with Vault policies (or the chosen manager's
// equivalent) and a starter set of Falco rules. With no framework chosen, CIS Controls v8 is the baseline.
import type { Artifact, GeneratorResult, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { markdownText } from "@/lib/agents/shared/escape";
import { attribute, block, comment, hclFile, type HclItem } from "@/lib/agents/shared/hcl";
import { markdownDocument, trustedTable, yamlDocument } from "@/lib/agents/shared/yaml-artifact";
import {
  classificationChoice,
  frameworkChoice,
  identityProviderChoice,
  mfaChoice,
  minimumLogRetentionDays,
  networkModelChoice,
  runtimeProtectionChoice,
  scanChoice,
  secretsManagerChoice,
  type SecurityEngineerRequirements,
} from "./schema";

type Input = SecurityEngineerRequirements;
type Framework = Input["frameworks"][number];
type Scan = Input["scanning"][number];
type Catalogue = Framework | "cis";
type Status = "met" | "partial" | "gap";

const statusLabel: Record<Status, string> = { met: "✅ met", partial: "⚠️ partial", gap: "❌ gap" };

function restrictedOrConfidential(input: Input): boolean {
  return input.dataClassification === "restricted" || input.dataClassification === "confidential";
}

function scans(input: Input, ...kinds: Scan[]): Scan[] {
  return kinds.filter((kind) => input.scanning.includes(kind));
}

interface Capability {
  id: string;
  title: string;
  refs: Partial<Record<Catalogue, string>>;
  evidence: string;
  assess: (input: Input) => { how: string; status: Status };
}

/** Each capability once, with the clause of every framework it answers (PCI DSS v4.0, ISO 27001:2022 Annex A). */
const capabilities: Capability[] = [
  {
    id: "sso",
    title: "Central identity and single sign-on",
    refs: {
      soc2: "CC6.1: logical access security over information assets",
      iso27001: "A.5.16: identity management",
      hipaa: "§164.312(a)(2)(i): unique user identification",
      "pci-dss": "8.2.1: every user has a unique ID",
      cis: "6.7: centralise access control",
    },
    evidence: "IdP application list showing every tool behind SSO; export of local accounts (expected: break-glass only)",
    assess: (input) =>
      input.ssoEnforced
        ? { how: `${identityProviderChoice.label(input.identityProvider)} is the only way in; local accounts are disabled except sealed break-glass accounts`, status: "met" }
        : { how: `${identityProviderChoice.label(input.identityProvider)} exists but SSO is not enforced: tools keep local accounts`, status: "gap" },
  },
  {
    id: "mfa",
    title: "Multi-factor authentication",
    refs: {
      soc2: "CC6.1: authentication of users",
      iso27001: "A.8.5: secure authentication",
      hipaa: "§164.312(d): person or entity authentication",
      "pci-dss": "8.4.2: MFA for all access into the CDE",
      cis: "6.3–6.5: require MFA",
    },
    evidence: "IdP authentication policy export; sign-in log sample showing the factor used",
    assess: (input) => {
      if (input.mfa === "none") return { how: "No second factor", status: "gap" };
      if (input.mfa === "phishing-resistant") return { how: `${mfaChoice.label(input.mfa)} enforced by ${identityProviderChoice.label(input.identityProvider)} for every user`, status: "met" };
      return {
        how: `${mfaChoice.label(input.mfa)} enforced by ${identityProviderChoice.label(input.identityProvider)}; phishable, so plan FIDO2 for administrators`,
        status: input.dataClassification === "restricted" ? "partial" : "met",
      };
    },
  },
  {
    id: "access-review",
    title: "Least privilege and access reviews",
    refs: {
      soc2: "CC6.2, CC6.3: access granted, changed and removed on authorisation",
      iso27001: "A.5.18: access rights",
      hipaa: "§164.308(a)(4): information access management",
      "pci-dss": "7.2.4: accounts and privileges reviewed at least every six months",
      cis: "6.1, 6.2: establish access granting and revoking processes",
    },
    evidence: "Quarterly access review records signed by system owners; joiner-mover-leaver tickets",
    assess: (input) =>
      input.ssoEnforced
        ? { how: "Access is granted through IdP groups mapped to roles; owners review the groups quarterly and leavers lose access on the HR event", status: "met" }
        : { how: "Access lives in each tool: reviews are manual and leavers may keep accounts", status: "partial" },
  },
  {
    id: "secrets",
    title: "Secrets management",
    refs: {
      soc2: "CC6.1: protection of credentials",
      iso27001: "A.5.17: authentication information",
      hipaa: "§164.312(a)(2)(iv): encryption and decryption",
      "pci-dss": "8.3.2: authentication factors unreadable in storage and transit",
      cis: "3.11: encrypt sensitive data at rest",
    },
    evidence: "Secrets-manager audit log; secret-detection reports of the last 90 days with no open finding",
    assess: (input) => {
      const detection = input.scanning.includes("secrets") ? "; secret detection blocks commits that contain credentials" : "; no secret detection in CI";
      if (input.secretsManager === "ci-variables") return { how: `Secrets live in CI variables: masked but neither audited nor rotated${detection}`, status: "partial" };
      return { how: `Secrets live in ${secretsManagerChoice.label(input.secretsManager)}, read at runtime by workload identity, never in code or images${detection}`, status: input.scanning.includes("secrets") ? "met" : "partial" };
    },
  },
  {
    id: "rotation",
    title: "Credential and key rotation",
    refs: {
      soc2: "CC6.1: credential lifecycle",
      iso27001: "A.8.24: use of cryptography (key management)",
      hipaa: "§164.308(a)(5)(ii)(D): password management",
      "pci-dss": "3.7.4, 8.3.9: keys and passwords changed at the end of their cryptoperiod",
      cis: "5.2: use unique passwords",
    },
    evidence: "Rotation job history; secret versions with their creation dates",
    assess: (input) => {
      const dynamic = input.secretsManager === "vault" ? " (dynamic database and cloud credentials expire sooner)" : "";
      return {
        how: `Every secret rotates at least every ${input.secretRotationDays} days${dynamic}`,
        status: input.secretRotationDays <= 90 ? "met" : "partial",
      };
    },
  },
  {
    id: "secure-sdlc",
    title: "Secure development: code and dependency analysis",
    refs: {
      soc2: "CC8.1: changes are authorised, tested and approved",
      iso27001: "A.8.28: secure coding",
      hipaa: "§164.308(a)(1)(ii)(B): risk management",
      "pci-dss": "6.2.4: software engineering techniques prevent common attacks",
      cis: "16.12: implement code-level security checks",
    },
    evidence: "CI runs showing SAST and SCA on every pull request; branch protection requiring them",
    assess: (input) => {
      const found = scans(input, "sast", "dependencies");
      if (found.length === 2) return { how: "SAST (Semgrep) and dependency scanning (Trivy) run on every pull request and block high findings", status: "met" };
      if (found.length === 1) return { how: `Only ${scanChoice.label(found[0])} runs in CI`, status: "partial" };
      return { how: "No code or dependency analysis in CI", status: "gap" };
    },
  },
  {
    id: "vulnerabilities",
    title: "Vulnerability management: images and infrastructure",
    refs: {
      soc2: "CC7.1: detect vulnerabilities and configuration changes",
      iso27001: "A.8.8: management of technical vulnerabilities",
      hipaa: "§164.308(a)(1)(ii)(A): risk analysis",
      "pci-dss": "11.3.1: internal vulnerability scans every three months; 6.3.3: critical patches within a month",
      cis: "7.1: establish a vulnerability management process",
    },
    evidence: "Trivy and Checkov reports per release and the weekly scheduled scan; patch tickets with dates",
    assess: (input) => {
      const found = scans(input, "containers", "iac");
      if (found.length === 2) return { how: "Container images (Trivy) and infrastructure code (Checkov) are scanned on every change and weekly", status: "met" };
      if (found.length === 1) return { how: `Only ${scanChoice.label(found[0])} is scanned`, status: "partial" };
      return { how: "Neither images nor infrastructure code are scanned", status: "gap" };
    },
  },
  {
    id: "web-testing",
    title: "Testing of public web applications",
    refs: {
      soc2: "CC7.1: vulnerability detection",
      iso27001: "A.8.29: security testing in development and acceptance",
      hipaa: "§164.308(a)(8): periodic technical evaluation",
      "pci-dss": "6.4.1: public-facing web applications protected against attacks",
      cis: "16.13: conduct application penetration testing",
    },
    evidence: "DAST reports per release; yearly penetration test report with remediation",
    assess: (input) =>
      input.scanning.includes("dast")
        ? { how: "OWASP ZAP scans the staging deployment on every release; a yearly penetration test covers what it cannot", status: "met" }
        : { how: "No dynamic testing of the running application", status: "gap" },
  },
  {
    id: "runtime",
    title: "Runtime threat detection",
    refs: {
      soc2: "CC7.2: monitor components for anomalies",
      iso27001: "A.8.16: monitoring activities",
      hipaa: "§164.312(b): audit controls",
      "pci-dss": "11.5.1: intrusion detection alerts on suspected compromise",
      cis: "13.1: centralise security event alerting",
    },
    evidence: "Detection rules in version control; alert history and its triage",
    assess: (input) => {
      if (input.runtimeProtection === "none") return { how: "No runtime detection: a compromise is found only from its effects", status: "gap" };
      return { how: `${runtimeProtectionChoice.label(input.runtimeProtection)} watches every node; alerts page the security on-call`, status: "met" };
    },
  },
  {
    id: "segmentation",
    title: "Network segmentation",
    refs: {
      soc2: "CC6.6: protection against threats from outside the system boundary",
      iso27001: "A.8.22: segregation of networks",
      hipaa: "§164.312(a)(1): access control",
      "pci-dss": "1.3.1: inbound traffic to the CDE restricted to what is necessary",
      cis: "12.2: establish a secure network architecture",
    },
    evidence: "Network policy and security-group definitions in code; a segmentation test report",
    assess: (input) => {
      if (input.networkModel === "zero-trust") return { how: "Zero trust: default-deny network policies, every call authenticated and authorised", status: "met" };
      if (input.networkModel === "segmented") return { how: "Zones with firewalls between them; traffic inside a zone is open", status: "met" };
      return { how: "Flat network: everything inside can reach everything", status: "gap" };
    },
  },
  {
    id: "transit",
    title: "Encryption in transit",
    refs: {
      soc2: "CC6.7: protection of information in transmission",
      iso27001: "A.8.24: use of cryptography",
      hipaa: "§164.312(e)(1): transmission security",
      "pci-dss": "4.2.1: strong cryptography for cardholder data in transmission",
      cis: "3.10: encrypt sensitive data in transit",
    },
    evidence: "TLS configuration scan of the public endpoints; mesh policy requiring mTLS",
    assess: (input) =>
      input.networkModel === "zero-trust" && input.mutualTls
        ? { how: "TLS 1.2+ at the edge; mutual TLS between every service", status: "met" }
        : { how: "TLS 1.2+ at the edge; traffic between services inside the network is not always encrypted", status: restrictedOrConfidential(input) ? "partial" : "met" },
  },
  {
    id: "logging",
    title: "Security logging and retention",
    refs: {
      soc2: "CC7.2: monitoring and logging",
      iso27001: "A.8.15: logging",
      hipaa: "§164.312(b) audit controls; §164.316(b)(2)(i): keep documentation six years",
      "pci-dss": "10.2.1: audit logs enabled; 10.5.1: kept 12 months, 3 immediately available",
      cis: "8.2, 8.10: collect and retain audit logs",
    },
    evidence: "Log pipeline configuration; retention settings; a sample retrieval of a year-old event",
    assess: (input) => {
      const minimum = Math.max(90, ...input.frameworks.map((framework) => minimumLogRetentionDays[framework] ?? 0));
      return {
        how: `Identity, cloud control plane, workload and network logs go to a write-once store for ${input.logRetentionDays} days (at least ${minimum} needed)`,
        status: input.logRetentionDays >= minimum ? "met" : "gap",
      };
    },
  },
  {
    id: "incident-response",
    title: "Incident response",
    refs: {
      soc2: "CC7.3, CC7.4: evaluate and respond to security incidents",
      iso27001: "A.5.24–A.5.26: incident management planning and response",
      hipaa: "§164.308(a)(6): security incident procedures",
      "pci-dss": "12.10.1: an incident response plan, ready to run",
      cis: "17.4: establish an incident response process",
    },
    evidence: "The response plan, its yearly test (tabletop) and the reviews of past incidents",
    assess: () => ({ how: "Runtime and scanner alerts feed the incident responder's plan; tested yearly with a tabletop exercise", status: "partial" }),
  },
];

function catalogues(input: Input): Catalogue[] {
  return input.frameworks.length ? [...input.frameworks] : ["cis"];
}

function catalogueLabel(catalogue: Catalogue): string {
  return catalogue === "cis" ? "CIS Controls v8 (baseline)" : frameworkChoice.label(catalogue);
}

function controlsDocument(input: Input): string {
  const assessed = capabilities.map((capability) => ({ capability, ...capability.assess(input) }));
  const lines = [
    "# Security controls",
    "",
    `**Scope:** ${markdownText(input.scope)}`,
    "",
    `**Highest data classification:** ${classificationChoice.label(input.dataClassification)}. **Frameworks:** ${input.frameworks.length ? input.frameworks.map((framework) => frameworkChoice.label(framework)).join(", ") : "none chosen; CIS Controls v8 is the baseline"}.`,
    "",
    "Each control lists the framework's requirement, how this platform meets it, and the evidence an auditor will ask for. Gaps come first in the action list at the end.",
  ];
  for (const catalogue of catalogues(input)) {
    lines.push(
      "",
      `## ${catalogueLabel(catalogue)}`,
      "",
      trustedTable(
        ["Control", "Requirement", "How it is met", "Evidence", "Status"],
        assessed.filter((row) => row.capability.refs[catalogue]).map((row) => [row.capability.title, row.capability.refs[catalogue]!, row.how, row.capability.evidence, statusLabel[row.status]]),
      ),
    );
  }
  const open = assessed.filter((row) => row.status !== "met").sort((a, b) => (a.status === b.status ? 0 : a.status === "gap" ? -1 : 1));
  lines.push("", "## Actions", "");
  if (open.length === 0) lines.push("Every control is met on paper: collect the evidence continuously rather than before the audit.");
  else lines.push(...open.map((row) => `- [ ] **${row.capability.title}** (${row.status}): ${row.how}.`));
  if (input.notes) lines.push("", "## Notes", "", markdownText(input.notes));
  return markdownDocument(lines);
}

// ---- STRIDE ----

type Risk = "low" | "medium" | "high";

interface Threat {
  category: "Spoofing" | "Tampering" | "Repudiation" | "Information disclosure" | "Denial of service" | "Elevation of privilege";
  threat: string;
  mitigation: string;
  risk: Risk;
}

interface Component {
  name: string;
  threats: Threat[];
}

function components(input: Input): Component[] {
  const idp = identityProviderChoice.label(input.identityProvider);
  const secrets = secretsManagerChoice.label(input.secretsManager);
  const runtime = input.runtimeProtection !== "none";
  const zeroTrust = input.networkModel === "zero-trust";
  const sensitive = restrictedOrConfidential(input);
  const weakMfa = input.mfa === "none" ? "high" : input.mfa === "phishing-resistant" ? "low" : "medium";
  return [
    {
      name: `Identity provider (${idp})`,
      threats: [
        { category: "Spoofing", threat: "A phished password and second factor sign an attacker in", mitigation: `${mfaChoice.label(input.mfa)}; sign-in risk policies; alerts on impossible travel`, risk: weakMfa },
        { category: "Tampering", threat: "A forged or altered SAML/OIDC assertion", mitigation: "Signed assertions with pinned certificates; short token lifetimes", risk: "low" },
        { category: "Repudiation", threat: "An administrator denies a change to a policy", mitigation: "IdP system log shipped to the security log store", risk: "low" },
        { category: "Information disclosure", threat: "The directory (users, groups, phone numbers) is enumerated", mitigation: "API tokens scoped and rotated; directory read limited to HR and IT", risk: "medium" },
        { category: "Denial of service", threat: "An IdP outage locks engineers out during an incident", mitigation: "Sealed break-glass accounts with hardware keys, tested quarterly", risk: "medium" },
        { category: "Elevation of privilege", threat: "A user adds themselves to an admin group", mitigation: "Just-in-time admin roles with approval; alert on admin group changes", risk: input.ssoEnforced ? "low" : "medium" },
      ],
    },
    {
      name: `Secrets store (${secrets})`,
      threats: [
        { category: "Spoofing", threat: "A workload impersonates another to read its secrets", mitigation: input.secretsManager === "ci-variables" ? "None: CI variables have no per-workload identity" : "Workload identity (Kubernetes service account or cloud role) bound to one path", risk: input.secretsManager === "ci-variables" ? "high" : "low" },
        { category: "Tampering", threat: "A secret is replaced with an attacker's value", mitigation: "Write access only for the owning team's pipeline; versioned secrets", risk: "low" },
        { category: "Repudiation", threat: "No record of who read a secret", mitigation: input.secretsManager === "ci-variables" ? "None: CI variables are not audited" : "Audit device or access logs kept with the security logs", risk: input.secretsManager === "ci-variables" ? "high" : "low" },
        { category: "Information disclosure", threat: "A leaked secret stays valid for long", mitigation: `Rotation every ${input.secretRotationDays} days${input.scanning.includes("secrets") ? "; secret detection in CI" : ""}`, risk: input.secretRotationDays > 90 ? "medium" : "low" },
        { category: "Denial of service", threat: "The store is unavailable and workloads cannot start", mitigation: "Highly available deployment; workloads cache secrets in memory for their lease", risk: "medium" },
        { category: "Elevation of privilege", threat: "An over-broad policy lets an application read every secret", mitigation: "Per-application, per-environment paths; templated policies (see the secret paths)", risk: "low" },
      ],
    },
    {
      name: "CI/CD pipeline",
      threats: [
        { category: "Spoofing", threat: "A fork's pull request runs with the repository's secrets", mitigation: "Secrets only on protected branches and environments; OIDC federation instead of stored cloud keys", risk: "medium" },
        { category: "Tampering", threat: "A compromised dependency or action injects code into the build", mitigation: `Actions pinned by version, dependency scanning${input.scanning.includes("dependencies") ? "" : " (not enabled)"}, signed images`, risk: input.scanning.includes("dependencies") ? "medium" : "high" },
        { category: "Repudiation", threat: "A deployment cannot be traced to a reviewed change", mitigation: "Branch protection with required reviews; deployment records tie image digests to commits", risk: "low" },
        { category: "Information disclosure", threat: "Secrets printed in build logs", mitigation: "Masked variables; secret detection on logs and commits", risk: input.scanning.includes("secrets") ? "low" : "medium" },
        { category: "Denial of service", threat: "Runners exhausted, blocking a security fix", mitigation: "Reserved runner capacity for the main branch", risk: "low" },
        { category: "Elevation of privilege", threat: "A pipeline token with admin rights on the cloud account", mitigation: "Per-environment deploy roles with least privilege; production deploys need approval", risk: "medium" },
      ],
    },
    {
      name: "Workloads (containers)",
      threats: [
        { category: "Spoofing", threat: "A pod calls another service pretending to be a trusted caller", mitigation: zeroTrust && input.mutualTls ? "Mutual TLS identities and authorisation policies" : "Network policies only", risk: zeroTrust && input.mutualTls ? "low" : "medium" },
        { category: "Tampering", threat: "An attacker with a shell changes binaries in a running container", mitigation: `Read-only root filesystems${runtime ? `; ${runtimeProtectionChoice.label(input.runtimeProtection)} alerts on drift` : ""}`, risk: runtime ? "low" : "high" },
        { category: "Repudiation", threat: "Commands run in a container leave no trace", mitigation: runtime ? "Runtime detection records process execution" : "None: no runtime detection", risk: runtime ? "low" : "high" },
        { category: "Information disclosure", threat: "A vulnerable library exposes data", mitigation: `${scans(input, "containers", "dependencies").map((kind) => scanChoice.label(kind)).join(" and ") || "No scanning"}; patches within 30 days for critical findings`, risk: input.scanning.includes("containers") ? "medium" : "high" },
        { category: "Denial of service", threat: "One noisy workload starves its neighbours", mitigation: "Requests and limits on every container; quotas per namespace", risk: "low" },
        { category: "Elevation of privilege", threat: "A container escape to the node", mitigation: "Pod Security restricted profile: non-root, no privilege escalation, dropped capabilities", risk: runtime ? "low" : "medium" },
      ],
    },
    {
      name: `Service-to-service network (${networkModelChoice.label(input.networkModel).toLowerCase()})`,
      threats: [
        { category: "Spoofing", threat: "A compromised host answers as another service", mitigation: input.mutualTls ? "mTLS certificates issued per service identity" : "DNS and TLS at the edge only", risk: input.mutualTls ? "low" : "medium" },
        { category: "Tampering", threat: "Traffic modified in transit inside the network", mitigation: input.mutualTls ? "mTLS everywhere" : "Private network; encryption only at the edge", risk: input.mutualTls ? "low" : sensitive ? "high" : "medium" },
        { category: "Repudiation", threat: "No record of which service called which", mitigation: "Flow logs and mesh access logs kept with the security logs", risk: "low" },
        { category: "Information disclosure", threat: "Sniffing of unencrypted internal traffic", mitigation: input.mutualTls ? "mTLS everywhere" : "Segmentation limits who can sniff", risk: input.mutualTls ? "low" : sensitive ? "high" : "medium" },
        { category: "Denial of service", threat: "A flood from inside exhausts a service", mitigation: "Rate limits and circuit breakers on service calls", risk: "medium" },
        { category: "Elevation of privilege", threat: "Lateral movement from one compromised service to the data tier", mitigation: input.networkModel === "flat" ? "None: the network is flat" : "Default-deny policies: only named services reach the data tier", risk: input.networkModel === "flat" ? "high" : "low" },
      ],
    },
    {
      name: `Data stores (${classificationChoice.label(input.dataClassification).toLowerCase()} data)`,
      threats: [
        { category: "Spoofing", threat: "An application connects with another application's credentials", mitigation: "One database user per application and environment, from the secrets store", risk: "low" },
        { category: "Tampering", threat: "Rows altered without trace", mitigation: "Database audit logging for writes to sensitive tables; point-in-time recovery", risk: "medium" },
        { category: "Repudiation", threat: "An administrator's query on customer data is deniable", mitigation: "Administrative access through a bastion with session recording", risk: sensitive ? "medium" : "low" },
        { category: "Information disclosure", threat: "A backup or snapshot is shared or stolen", mitigation: "Encryption at rest with customer-managed keys; snapshots private and alerted on sharing", risk: sensitive ? "medium" : "low" },
        { category: "Denial of service", threat: "Ransomware or deletion of the primary and its backups", mitigation: "Immutable backups in a separate account, restore tested quarterly", risk: "medium" },
        { category: "Elevation of privilege", threat: "SQL injection reaches data beyond the application's need", mitigation: `Parameterised queries${input.scanning.includes("sast") ? " checked by SAST" : ""}; least-privilege database roles`, risk: input.scanning.includes("sast") ? "low" : "medium" },
      ],
    },
  ];
}

function threatModelDocument(input: Input): string {
  const list = components(input);
  const lines = [
    "# STRIDE threat model",
    "",
    `**Scope:** ${markdownText(input.scope)}`,
    "",
    "Every component is examined for each STRIDE category. Residual risk is what remains with the listed mitigations in place; high risks are the first actions.",
  ];
  for (const component of list) {
    lines.push(
      "",
      `## ${component.name}`,
      "",
      trustedTable(
        ["STRIDE", "Threat", "Mitigation", "Residual risk"],
        component.threats.map((threat) => [threat.category, threat.threat, threat.mitigation, threat.risk]),
      ),
    );
  }
  const high = list.flatMap((component) => component.threats.filter((threat) => threat.risk === "high").map((threat) => ({ component: component.name, threat })));
  lines.push("", "## Highest risks", "");
  if (high.length === 0) lines.push("No high residual risk: review the medium ones each quarter.");
  else lines.push(...high.map(({ component, threat }) => `- [ ] **${component}**, ${threat.category.toLowerCase()}: ${threat.threat}.`));
  return markdownDocument(lines);
}

// ---- CI security scanning (GitHub Actions) ----

function scanningWorkflow(input: Input): string {
  const severity = restrictedOrConfidential(input) ? "HIGH,CRITICAL" : "CRITICAL";
  const checkout = { uses: "actions/checkout@v4" };
  const upload = (file: string, category: string) => ({ name: "Upload to code scanning", if: "always()", uses: "github/codeql-action/upload-sarif@v3", with: { sarif_file: file, category } });
  const jobs: Record<string, unknown> = {};
  if (input.scanning.includes("secrets")) {
    jobs["secret-detection"] = {
      name: "Secret detection (Gitleaks)",
      "runs-on": "ubuntu-latest",
      steps: [{ ...checkout, with: { "fetch-depth": 0 } }, { uses: "gitleaks/gitleaks-action@v2", env: { GITHUB_TOKEN: "${{ secrets.GITHUB_TOKEN }}" } }],
    };
  }
  if (input.scanning.includes("sast")) {
    jobs.sast = {
      name: "Static analysis (Semgrep)",
      "runs-on": "ubuntu-latest",
      container: { image: "semgrep/semgrep:1.95.0" },
      steps: [checkout, { name: "Scan", run: "semgrep scan --config p/default --config p/owasp-top-ten --error --sarif --output semgrep.sarif" }, upload("semgrep.sarif", "semgrep")],
    };
  }
  if (input.scanning.includes("dependencies")) {
    jobs.dependencies = {
      name: "Dependencies (Trivy)",
      "runs-on": "ubuntu-latest",
      steps: [
        checkout,
        { name: "Scan", uses: "aquasecurity/trivy-action@0.28.0", with: { "scan-type": "fs", scanners: "vuln,license", severity, "ignore-unfixed": true, "exit-code": "1", format: "sarif", output: "trivy-fs.sarif" } },
        upload("trivy-fs.sarif", "trivy-dependencies"),
      ],
    };
  }
  if (input.scanning.includes("iac")) {
    jobs.iac = {
      name: "Infrastructure as code (Checkov)",
      "runs-on": "ubuntu-latest",
      steps: [
        checkout,
        { name: "Scan", uses: "bridgecrewio/checkov-action@v12", with: { directory: ".", framework: "terraform,kubernetes,dockerfile,github_actions", "soft_fail": false, output_format: "sarif", output_file_path: "checkov.sarif" } },
        upload("checkov.sarif", "checkov"),
      ],
    };
  }
  if (input.scanning.includes("containers")) {
    jobs["container-image"] = {
      name: "Container image (Trivy)",
      "runs-on": "ubuntu-latest",
      steps: [
        checkout,
        { name: "Build", run: "docker build --tag ${{ github.repository }}:${{ github.sha }} ." },
        {
          name: "Scan",
          uses: "aquasecurity/trivy-action@0.28.0",
          with: { "image-ref": "${{ github.repository }}:${{ github.sha }}", severity, "ignore-unfixed": true, "exit-code": "1", format: "sarif", output: "trivy-image.sarif" },
        },
        upload("trivy-image.sarif", "trivy-image"),
      ],
    };
  }
  if (input.scanning.includes("dast")) {
    jobs.dast = {
      name: "Dynamic analysis (OWASP ZAP baseline)",
      "runs-on": "ubuntu-latest",
      if: "github.event_name != 'pull_request'",
      environment: "staging",
      steps: [checkout, { name: "Scan staging", uses: "zaproxy/action-baseline@v0.14.0", with: { target: "${{ vars.STAGING_URL }}", "fail_action": true, "allow_issue_writing": false } }],
    };
  }
  const workflow = {
    name: "security-scan",
    on: { pull_request: null, push: { branches: ["main"] }, schedule: [{ cron: "0 3 * * 1" }], workflow_dispatch: null },
    permissions: { contents: "read", "security-events": "write" },
    concurrency: { group: "security-scan-${{ github.ref }}", "cancel-in-progress": true },
    jobs,
  };
  return yamlDocument(workflow, [
    "Security scanning stage: runs on every pull request, on main, and weekly (new CVEs appear without code changes).",
    `Fails on ${severity} findings (${classificationChoice.label(input.dataClassification).toLowerCase()} data); results go to GitHub code scanning.`,
    "Pin the actions to commit SHAs once adopted (e.g. with Dependabot or pinact).",
  ]);
}

// ---- Secrets: paths and policies ----

function vaultPolicy(header: string, rules: { path: string; capabilities: string[]; note?: string }[]): string {
  const items: HclItem[] = [comment(header)];
  for (const rule of rules) {
    if (rule.note) items.push(comment(rule.note));
    items.push(block("path", [rule.path], [attribute("capabilities", rule.capabilities)]));
  }
  return hclFile(items);
}

function vaultArtifacts(input: Input): Artifact[] {
  // Templated policies: one policy serves every application, scoped by the entity's metadata.
  const app = "{{identity.entity.metadata.app}}";
  const env = "{{identity.entity.metadata.environment}}";
  const policies: { name: string; content: string }[] = [
    {
      name: "app-runtime",
      content: vaultPolicy("Applications read their own secrets and get short-lived database credentials; nothing else.", [
        { path: `kv/data/apps/${app}/${env}/*`, capabilities: ["read"] },
        { path: `kv/metadata/apps/${app}/${env}/*`, capabilities: ["list"] },
        { path: `database/creds/${app}-${env}`, capabilities: ["read"], note: `Dynamic credentials: the role's max_ttl stays under the ${input.secretRotationDays}-day rotation period.` },
        { path: "sys/leases/renew", capabilities: ["update"] },
      ]),
    },
    {
      name: "ci-deployer",
      content: vaultPolicy("CI writes an application's secrets for its environment and reads deploy credentials; it cannot read other teams' secrets.", [
        { path: `kv/data/apps/${app}/${env}/*`, capabilities: ["create", "update"] },
        { path: `kv/data/ci/${app}/*`, capabilities: ["read"] },
        { path: `aws/creds/${app}-deployer`, capabilities: ["read"], note: "Short-lived cloud credentials for the deployment only." },
      ]),
    },
    {
      name: "security-admin",
      content: vaultPolicy("Security administrators manage policies, auth methods and audit devices, but cannot read application secrets (separation of duties).", [
        { path: "sys/policies/acl/*", capabilities: ["create", "read", "update", "delete", "list"] },
        { path: "sys/auth/*", capabilities: ["create", "read", "update", "delete", "sudo"] },
        { path: "sys/audit*", capabilities: ["read", "list", "create", "update", "sudo"] },
        { path: "kv/metadata/*", capabilities: ["list", "read"] },
        { path: "kv/data/*", capabilities: ["deny"], note: "Explicit deny: administrators rotate secrets through the break-glass procedure, never by reading them." },
      ]),
    },
  ];
  return policies.map((policy) => ({ path: `vault/policies/${policy.name}.hcl`, kind: "policy", mediaType: mediaTypes.hcl, content: policy.content }));
}

function secretPathsDocument(input: Input): string {
  const manager = secretsManagerChoice.label(input.secretsManager);
  const layouts: Record<Input["secretsManager"], string[]> = {
    vault: [
      "| Path | Holds | Read by | Written by |",
      "| --- | --- | --- | --- |",
      "| `kv/apps/<app>/<environment>/<name>` | application secrets (KV v2) | the application (policy `app-runtime`) | its CI pipeline (policy `ci-deployer`) |",
      "| `database/creds/<app>-<environment>` | dynamic database users | the application | Vault itself |",
      "| `aws/creds/<app>-deployer` | short-lived cloud credentials | CI | Vault itself |",
      "| `kv/ci/<app>/*` | CI-only tokens (registry, signing) | CI | the security team |",
      "",
      `Applications authenticate with the Kubernetes auth method; the entity's \`app\` and \`environment\` metadata select the paths in the templated policies. Dynamic credentials expire within hours; static KV secrets rotate every ${input.secretRotationDays} days. Enable a file or socket audit device and ship it with the security logs.`,
    ],
    "aws-secrets-manager": [
      "| Name | Holds | Read by |",
      "| --- | --- | --- |",
      "| `apps/<app>/<environment>/<name>` | application secrets | the application's IAM role (tags `app`, `environment`) |",
      "| `ci/<app>/<name>` | CI-only tokens | the CI deploy role |",
      "",
      `Rotation: \`RotationRules.AutomaticallyAfterDays = ${input.secretRotationDays}\` with a rotation Lambda per secret type. Access: \`secrets/iam-policy-app-runtime.json\` uses the caller's principal tags, so one policy serves every application.`,
    ],
    "azure-key-vault": [
      "| Vault | Holds | Access |",
      "| --- | --- | --- |",
      "| `kv-<app>-<environment>` | one vault per application and environment | the application's managed identity: *Key Vault Secrets User* |",
      "| `kv-ci-<app>` | CI-only tokens | the deployment's workload identity: *Key Vault Secrets Officer* |",
      "",
      `Use Azure RBAC (not access policies), purge protection and soft delete. Rotation: an expiry ${input.secretRotationDays} days ahead with Event Grid *SecretNearExpiry* triggering the rotation function.`,
    ],
    "gcp-secret-manager": [
      "| Secret | Holds | Access |",
      "| --- | --- | --- |",
      "| `projects/<project>/secrets/<app>-<environment>-<name>` | application secrets | the application's service account: `roles/secretmanager.secretAccessor` with an IAM condition on the name prefix |",
      "| `projects/<project>/secrets/ci-<app>-<name>` | CI-only tokens | the CI service account via Workload Identity Federation |",
      "",
      `Rotation: \`rotation.rotationPeriod = ${input.secretRotationDays * 86400}s\` publishing to a Pub/Sub topic that the rotation job subscribes to.`,
    ],
    "ci-variables": [
      "| Variable scope | Holds |",
      "| --- | --- |",
      "| protected, masked, environment-scoped variables | application secrets per environment |",
      "",
      `CI variables are neither audited nor rotated: rotate by hand every ${input.secretRotationDays} days, keep production variables on protected branches only, and plan a move to a secrets manager.`,
    ],
  };
  return markdownDocument([`# Secret paths: ${manager}`, "", ...layouts[input.secretsManager]]);
}

/** One IAM policy for every application: the caller's principal tags select its own secrets. */
function awsPolicy(): string {
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadOwnSecrets",
        Effect: "Allow",
        Action: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        Resource: "arn:aws:secretsmanager:*:*:secret:apps/${aws:PrincipalTag/app}/${aws:PrincipalTag/environment}/*",
      },
    ],
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

function secretArtifacts(input: Input): Artifact[] {
  const directory = input.secretsManager === "vault" ? "vault" : "secrets";
  const artifacts: Artifact[] = [{ path: `${directory}/secret-paths.md`, kind: "policy", mediaType: mediaTypes.markdown, content: secretPathsDocument(input) }];
  if (input.secretsManager === "vault") artifacts.push(...vaultArtifacts(input));
  if (input.secretsManager === "aws-secrets-manager") artifacts.push({ path: "secrets/iam-policy-app-runtime.json", kind: "policy", mediaType: mediaTypes.json, content: awsPolicy() });
  return artifacts;
}

// ---- Falco ----

function falcoRules(input: Input): string {
  const restricted = input.dataClassification === "restricted";
  const elevated = (priority: string) => (restricted ? "CRITICAL" : priority);
  const frameworkTags = input.frameworks.map((framework) => framework.replace(/-/g, "_"));
  const tags = (...extra: string[]) => [...extra, ...frameworkTags];
  const output = (what: string) => `${what} (user=%user.name command=%proc.cmdline container=%container.name image=%container.image.repository pod=%k8s.pod.name ns=%k8s.ns.name)`;
  const rules: unknown[] = [
    { list: "starter_shell_binaries", items: ["bash", "sh", "zsh", "dash", "ash", "ksh", "csh", "fish"] },
    { list: "starter_package_managers", items: ["apt", "apt-get", "dpkg", "yum", "dnf", "rpm", "apk", "pip", "pip3", "npm", "gem"] },
    { list: "starter_mining_ports", items: [3333, 4444, 5555, 7777, 14444, 45700] },
    { macro: "starter_spawned_process", condition: "evt.type in (execve, execveat) and evt.dir = <" },
    { macro: "starter_container", condition: "container.id != host" },
    {
      rule: "Shell in a container",
      desc: "An interactive shell started inside a container: containers run one process, not people.",
      condition: "starter_spawned_process and starter_container and proc.name in (starter_shell_binaries) and proc.tty != 0",
      output: output("Shell started in a container"),
      priority: elevated("WARNING"),
      tags: tags("container", "shell", "mitre_execution"),
    },
    {
      rule: "Package manager in a container",
      desc: "Installing software at runtime: images are immutable, so this is drift or an attacker's tooling.",
      condition: "starter_spawned_process and starter_container and proc.name in (starter_package_managers)",
      output: output("Package manager run in a container"),
      priority: "ERROR",
      tags: tags("container", "drift", "mitre_persistence"),
    },
    {
      rule: "Executable not in the image",
      desc: "A binary that was written after the container started is executed (container drift).",
      condition: "starter_spawned_process and starter_container and proc.is_exe_upper_layer = true",
      output: output("Executable created after start was run"),
      priority: "CRITICAL",
      tags: tags("container", "drift", "mitre_execution"),
    },
    {
      rule: "Write below /etc in a container",
      desc: "Configuration changed inside a running container.",
      condition: "evt.type in (open, openat, openat2) and evt.is_open_write = true and starter_container and fd.name startswith /etc/",
      output: output("File below /etc opened for writing (file=%fd.name)"),
      priority: "ERROR",
      tags: tags("container", "filesystem", "mitre_persistence"),
    },
    {
      rule: "Sensitive file read in a container",
      desc: "Password, shadow or key files read by a process in a container.",
      condition: "evt.type in (open, openat, openat2) and evt.is_open_read = true and starter_container and (fd.name in (/etc/shadow, /etc/sudoers) or fd.name startswith /root/.ssh/ or fd.name endswith id_rsa)",
      output: output("Sensitive file read (file=%fd.name)"),
      priority: elevated("WARNING"),
      tags: tags("container", "credentials", "mitre_credential_access"),
    },
    {
      rule: "Service account token read by an unexpected process",
      desc: "The Kubernetes service account token read by something other than the application's own runtime.",
      condition:
        "evt.type in (open, openat, openat2) and evt.is_open_read = true and starter_container and fd.name startswith /var/run/secrets/kubernetes.io/serviceaccount/ and proc.name in (starter_shell_binaries, cat, curl, wget)",
      output: output("Service account token read (file=%fd.name)"),
      priority: "WARNING",
      tags: tags("k8s", "credentials", "mitre_credential_access"),
    },
    {
      rule: "Outbound connection to a mining pool port",
      desc: "A connection to ports that crypto-mining pools use.",
      condition: "evt.type = connect and evt.dir = < and starter_container and fd.sport in (starter_mining_ports)",
      output: output("Connection to a mining pool port (connection=%fd.name)"),
      priority: "CRITICAL",
      tags: tags("network", "cryptomining", "mitre_impact"),
    },
  ];
  if (input.networkModel === "zero-trust") {
    rules.push({
      rule: "Unexpected outbound connection from a data store",
      desc: "Zero trust: data stores never open connections to the internet.",
      condition: 'evt.type = connect and evt.dir = < and starter_container and k8s.pod.label[tier] = data and fd.typechar = 4 and not fd.snet in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")',
      output: output("Data store connected outside the private network (connection=%fd.name)"),
      priority: elevated("ERROR"),
      tags: tags("network", "exfiltration", "mitre_exfiltration"),
    });
  }
  const header = [
    "Starter Falco rules, loaded next to the default rules (falco -r falco_rules.yaml -r this file).",
    `Priorities are raised for ${classificationChoice.label(input.dataClassification).toLowerCase()} data. Tune with exceptions, not by deleting rules.`,
  ];
  if (input.runtimeProtection !== "falco") header.push(`Runtime protection chosen: ${runtimeProtectionChoice.label(input.runtimeProtection)}; these rules state the detections to expect from it.`);
  return yamlDocument(rules, header);
}

function summary(input: Input): SummaryFigure[] {
  const assessed = capabilities.map((capability) => capability.assess(input));
  const count = (status: Status) => assessed.filter((row) => row.status === status).length;
  const threats = components(input).flatMap((component) => component.threats);
  const controlRows = catalogues(input).reduce((sum, catalogue) => sum + capabilities.filter((capability) => capability.refs[catalogue]).length, 0);
  return [
    { key: "controls-met", label: "Controls met", value: `${count("met")} of ${capabilities.length}`, detail: `${count("partial")} partial, ${count("gap")} gap(s); ${controlRows} mapped requirements across ${catalogues(input).map(catalogueLabel).join(", ")}` },
    { key: "high-risks", label: "High residual risks", value: threats.filter((threat) => threat.risk === "high").length, detail: `of ${threats.length} STRIDE threats over ${components(input).length} components` },
    { key: "scanners", label: "Scanners in CI", value: input.scanning.length, detail: input.scanning.map((scan) => scanChoice.label(scan)).join(", ") },
    { key: "secret-rotation", label: "Secret rotation", value: input.secretRotationDays, unit: "days", detail: secretsManagerChoice.label(input.secretsManager) },
    { key: "log-retention", label: "Log retention", value: input.logRetentionDays, unit: "days", detail: input.frameworks.some((framework) => minimumLogRetentionDays[framework]) ? `minimum ${Math.max(...input.frameworks.map((framework) => minimumLogRetentionDays[framework] ?? 0))} days for the chosen frameworks` : "no framework minimum" },
  ];
}

function generate(input: Input): GeneratorResult {
  const artifacts: Artifact[] = [
    { path: "security/controls.md", kind: "checklist", mediaType: mediaTypes.markdown, content: controlsDocument(input) },
    { path: "security/threat-model.md", kind: "document", mediaType: mediaTypes.markdown, content: threatModelDocument(input) },
    { path: ".github/workflows/security-scan.yml", kind: "pipeline", mediaType: mediaTypes.yaml, content: scanningWorkflow(input) },
    ...secretArtifacts(input),
    { path: "falco/rules.yaml", kind: "policy", mediaType: mediaTypes.yaml, content: falcoRules(input) },
  ];
  return { summary: summary(input), artifacts };
}

export const securityEngineerGenerator: RoleGenerator<SecurityEngineerRequirements> = {
  role: "security-engineer",
  version: "1.2.0",
  generate,
};
