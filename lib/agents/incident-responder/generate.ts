// The incident-responder's generator: a response plan by phase with owners and checklists, communication
// templates per audience, an evidence-preservation checklist, the timeline of regulatory deadlines computed
// from the detection time, and a Mermaid diagram of the flow. All times are UTC, derived from the input only.
import type { Artifact, GeneratorResult, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { markdownText, mermaidLabel } from "@/lib/agents/shared/escape";
import { parseDateTime } from "@/lib/agents/shared/fields";
import { escapedCell, groupedInteger, markdownDocument, trustedTable, type EscapedCell } from "@/lib/agents/shared/yaml-artifact";
import {
  audienceChoice,
  containmentChoice,
  dataCategoryChoice,
  detectionSourceChoice,
  evidenceChoice,
  regimeChoice,
  severityChoice,
  type IncidentResponderRequirements,
} from "./schema";

type Input = IncidentResponderRequirements;
type Severity = Input["severity"];
type Audience = Input["audiences"][number];
type Regime = NonNullable<Input["regulatoryRegimes"]>[number];

const minute = 60_000;
const hour = 60 * minute;

/** Response targets per severity, in minutes from detection. */
const severityTargets: Record<Severity, { acknowledge: number; triage: number; contain: number; review: string }> = {
  sev1: { acknowledge: 5, triage: 15, contain: 60, review: "within 5 business days" },
  sev2: { acknowledge: 15, triage: 30, contain: 4 * 60, review: "within 10 business days" },
  sev3: { acknowledge: 60, triage: 4 * 60, contain: 24 * 60, review: "at the next weekly review" },
  sev4: { acknowledge: 24 * 60, triage: 3 * 24 * 60, contain: 7 * 24 * 60, review: "at the next monthly review" },
};

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Sat 2026-11-28 14:05 UTC": a UTC instant formatted from the input, never from the clock. */
function utc(ms: number): string {
  const date = new Date(ms);
  return `${weekdays[date.getUTCDay()]} ${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Adds business days (Monday to Friday; public holidays are not known here) keeping the time of day. */
function addBusinessDays(ms: number, days: number): number {
  let result = ms;
  let remaining = days;
  while (remaining > 0) {
    result += 24 * hour;
    const day = new Date(result).getUTCDay();
    if (day !== 0 && day !== 6) remaining--;
  }
  return result;
}

function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 120 * 60) return `${Number((minutes / 60).toFixed(1))} h`;
  return `${Number((minutes / 1440).toFixed(1))} days`;
}

function isSecurity(input: Input): boolean {
  return input.incidentType === "security";
}

function regulatedData(input: Input): boolean {
  return input.dataAffected.some((category) => ["personal", "payment", "health", "unknown"].includes(category));
}

function commander(input: Input): string {
  return input.incidentCommander ? markdownText(input.incidentCommander) : "to be assigned (on-call incident commander)";
}

// ---- Regulatory timeline ----

const regimeNames: Record<Regime, string> = { gdpr: "GDPR", nis2: "NIS2", "sec-8k": "SEC 8-K", hipaa: "HIPAA", "pci-dss": "PCI DSS", other: "Other regulator" };

interface Milestone {
  at: number;
  what: string;
  owner: string;
  basis: string;
}

function regulatoryMilestones(input: Input, detected: number): Milestone[] {
  if (!input.audiences.includes("regulators")) return [];
  const regimes = input.regulatoryRegimes ?? [];
  const milestones: Milestone[] = [];
  const add = (regime: Regime, offset: number, what: string, basis: string) => milestones.push({ at: detected + offset, what: `${regimeNames[regime]}: ${what}`, owner: "Legal / DPO", basis });
  for (const regime of regimes) {
    if (regime === "gdpr") add(regime, 72 * hour, "notify the supervisory authority (Art. 33)", "72 h after becoming aware; phased reporting allowed");
    if (regime === "nis2") {
      add(regime, 24 * hour, "early warning to the CSIRT / authority", "Art. 23(4)(a): 24 h");
      add(regime, 72 * hour, "incident notification with initial assessment", "Art. 23(4)(b): 72 h");
      add(regime, 72 * hour + 30 * 24 * hour, "final report", "Art. 23(4)(d): one month after the incident notification");
    }
    if (regime === "sec-8k") {
      milestones.push({
        at: addBusinessDays(detected, 4),
        what: `${regimeNames[regime]}: file Item 1.05 if material`,
        owner: "Legal / CFO",
        basis: "4 business days after the materiality determination (assumed at detection; holidays not counted)",
      });
    }
    if (regime === "hipaa") add(regime, 60 * 24 * hour, "notify individuals and HHS (500+ also the media)", "§164.404: without unreasonable delay, at most 60 days");
    if (regime === "pci-dss") add(regime, 24 * hour, "notify the card brands and the acquirer", "brand rules: within 24 h of discovery");
    if (regime === "other" && input.regulatoryDeadlineHours !== undefined) add(regime, input.regulatoryDeadlineHours * hour, "notify the regulator", `the deadline you gave: ${input.regulatoryDeadlineHours} h`);
  }
  if (input.regulatoryDeadlineHours !== undefined) {
    milestones.push({
      at: detected + input.regulatoryDeadlineHours * hour,
      what: "Your notification deadline",
      owner: "Legal / DPO",
      basis: `${input.regulatoryDeadlineHours} h after detection, as set for this incident`,
    });
  }
  return milestones;
}

function timelineMilestones(input: Input, detected: number): Milestone[] {
  const targets = severityTargets[input.severity];
  const milestones: Milestone[] = [
    { at: detected, what: `Detected (${detectionSourceChoice.label(input.detectionSource)})`, owner: "On-call", basis: "the input" },
    { at: detected + targets.acknowledge * minute, what: "Acknowledged; incident commander named", owner: "On-call", basis: `${input.severity.toUpperCase()} target` },
    { at: detected + targets.triage * minute, what: "Triage complete: severity confirmed, scope first estimated", owner: "Incident commander", basis: `${input.severity.toUpperCase()} target` },
    { at: detected + targets.contain * minute, what: "Containment in place", owner: isSecurity(input) ? "Security lead" : "Operations lead", basis: `${input.severity.toUpperCase()} target` },
  ];
  // The first status updates, at the chosen cadence, for the first day (at most six listed).
  for (let index = 1; index <= 6 && index * input.updateCadenceMinutes <= 24 * 60; index++) {
    milestones.push({ at: detected + index * input.updateCadenceMinutes * minute, what: `Status update ${index}`, owner: "Communications lead", basis: `every ${durationText(input.updateCadenceMinutes)}` });
  }
  milestones.push(...regulatoryMilestones(input, detected));
  // Stable order: by time, then by the order they were added.
  return milestones.map((milestone, index) => ({ milestone, index })).sort((a, b) => a.milestone.at - b.milestone.at || a.index - b.index).map(({ milestone }) => milestone);
}

function timelineDocument(input: Input, detected: number): string {
  const milestones = timelineMilestones(input, detected);
  const regulatory = regulatoryMilestones(input, detected);
  const lines = [
    "# Timeline and regulatory deadlines",
    "",
    `Counted from the detection time, **${utc(detected)}**. Times are UTC; business days skip weekends but not public holidays.`,
    "",
    trustedTable(
      ["When (UTC)", "After detection", "Milestone", "Owner", "Basis"],
      milestones.map((milestone) => [utc(milestone.at), durationText(Math.round((milestone.at - detected) / minute)), milestone.what, milestone.owner, milestone.basis]),
    ),
    "",
  ];
  if (regulatory.length === 0) {
    lines.push(
      regulatedData(input)
        ? "Regulators are not on the audience list, yet the data involved may be regulated: Legal decides within 24 hours whether GDPR, HIPAA, PCI DSS or a sector regulator must be told, and records the reasoning."
        : "No regulator has to be notified for this incident, as far as is known now. Re-check if the data involved changes.",
    );
  } else {
    const first = regulatory.reduce((earliest, milestone) => (milestone.at < earliest.at ? milestone : earliest));
    lines.push(`**First regulatory deadline:** ${first.what}, by ${utc(first.at)}. Notify with what is known; phased reports are expected, silence is not.`);
  }
  return markdownDocument(lines);
}

// ---- Response plan ----

interface Phase {
  id: string;
  title: string;
  owner: string;
  target: string;
  checklist: string[];
}

function phases(input: Input, detected: number): Phase[] {
  const targets = severityTargets[input.severity];
  const security = isSecurity(input);
  const systems = input.affectedSystems.map(markdownText).join(", ");
  const containment = input.containmentOptions.map((option) => containmentChoice.label(option));
  const preserving = input.evidencePreservation;
  return [
    {
      id: "detection",
      title: "Detection",
      owner: "On-call engineer",
      target: `acknowledge by ${utc(detected + targets.acknowledge * minute)}`,
      checklist: [
        `Acknowledge the report (${detectionSourceChoice.label(input.detectionSource)}) and open the incident channel and ticket`,
        `Page the incident commander: ${commander(input)}`,
        "Start the timeline: every action with its UTC time and who did it",
        input.detectionSource === "customer" || input.detectionSource === "third-party" ? "Thank the reporter, confirm receipt and agree how to reach them" : "Save the alert, its query and its raw data before they roll off",
      ],
    },
    {
      id: "triage",
      title: "Triage",
      owner: `Incident commander (${commander(input)})`,
      target: `by ${utc(detected + targets.triage * minute)}`,
      checklist: [
        `Confirm the severity (${severityChoice.label(input.severity)}) against the impact; raise it rather than lower it while unsure`,
        `Confirm the scope: ${systems}; look for the same indicators on neighbouring systems`,
        `Establish the data involved: ${input.dataAffected.map((category) => dataCategoryChoice.label(category).toLowerCase()).join(", ")}`,
        "Assign the roles: operations lead, communications lead, scribe" + (security ? ", security lead" : ""),
        ...(regulatedData(input) || input.audiences.includes("regulators") ? ["Bring in Legal and the DPO now: the notification clock may already be running"] : []),
        input.ongoing ? "The incident is ongoing: containment starts as soon as the evidence below allows" : "The incident has stopped: verify it has, then focus on scope and evidence",
      ],
    },
    {
      id: "containment",
      title: "Containment",
      owner: security ? "Security lead" : "Operations lead",
      target: `in place by ${utc(detected + targets.contain * minute)}`,
      checklist: [
        ...(security && preserving.includes("memory-capture") ? ["Capture memory on the affected hosts before isolating them (see the evidence checklist)"] : []),
        ...(security && preserving.includes("disk-snapshots") ? ["Snapshot disks before anything is changed or rebuilt"] : []),
        ...containment.map((option) => `${option}: decide, run, verify, log it on the timeline`),
        ...(input.containmentConstraints ? [`Respect the constraint: ${markdownText(input.containmentConstraints)}`] : []),
        security ? "Watch for the attacker's reaction: new accounts, new persistence, data staging" : "Watch the service's golden signals for 30 minutes after each change",
      ],
    },
    {
      id: "investigation",
      title: "Investigation",
      owner: security ? "Security lead with forensics" : "Operations lead",
      target: "in parallel with recovery; findings in the timeline",
      checklist: security
        ? [
            "Find the initial access vector and the first malicious action",
            "List every credential, key and token the attacker could have used, and rotate them",
            "Establish what data was accessed or exfiltrated, from logs rather than assumptions",
            "Sweep the estate for the indicators of compromise found so far",
            "Work only on copies of the evidence; keep the originals under chain of custody",
          ]
        : [
            "Establish the trigger and the contributing causes (the change, the load, the dependency)",
            "Check whether the same weakness exists in other services",
            "Keep the dashboards and queries used: they go into the review",
          ],
    },
    {
      id: "recovery",
      title: "Recovery",
      owner: "Operations lead",
      target: "when containment holds and the cause is understood",
      checklist: [
        ...(security ? ["Rebuild or restore affected systems from known-good images and backups", "Re-enable access in stages, with extra monitoring on the affected systems"] : ["Undo temporary mitigations one at a time, watching the error rate and latency"]),
        "Confirm with the service owners that everything works as normal",
        "Keep heightened monitoring for two weeks",
        "Close the incident only when the commander agrees; send the final update to every audience",
      ],
    },
    {
      id: "post-incident",
      title: "Post-incident",
      owner: "Incident commander",
      target: `blameless review ${targets.review}`,
      checklist: [
        "Write the review: timeline, impact, causes, what went well, what did not",
        "Turn every finding into an owned, dated action item",
        ...(input.audiences.includes("regulators") ? ["File the final regulatory report and keep the evidence as Legal requires"] : []),
        "Update the runbooks, detections and this response plan with what was learnt",
      ],
    },
  ];
}

function planDocument(input: Input, detected: number): string {
  const security = isSecurity(input);
  type Row = [string, string | EscapedCell, string];
  const roles: Row[] = [
    // Typed text goes in as an escaped cell: commander() escapes for running text, and the table would escape its pipes again.
    ["Incident commander", input.incidentCommander ? escapedCell(input.incidentCommander) : commander(input), "Leads, decides, owns the timeline of decisions"],
    ["Operations lead", "on-call lead of the affected service", "Runs the technical work"],
    ...(security ? [["Security lead", "security on-call", "Containment, forensics, indicators of compromise"] as Row] : []),
    ["Communications lead", "on-call communications / support lead", `Sends the updates every ${durationText(input.updateCadenceMinutes)}`],
    ["Scribe", "anyone not hands-on", "Keeps the timeline in UTC"],
    ...(regulatedData(input) || input.audiences.includes("regulators") ? [["Legal / DPO", "legal on-call", "Regulatory and contractual notifications"] as Row] : []),
  ];
  const lines = [
    `# Incident response plan: ${input.severity.toUpperCase()} ${input.incidentType} incident`,
    "",
    `> ${markdownText(input.summary)}`,
    "",
    trustedTable(
      ["Fact", "Value"],
      [
        ["Severity", severityChoice.label(input.severity)],
        ["Detected", `${utc(detected)} by ${detectionSourceChoice.label(input.detectionSource)}`],
        ["Affected systems", escapedCell(input.affectedSystems.join(", "))],
        ["Data involved", input.dataAffected.map((category) => dataCategoryChoice.label(category)).join(", ")],
        ["Status", input.ongoing ? "ongoing" : "stopped, under investigation"],
        ["Updates", `every ${durationText(input.updateCadenceMinutes)} to ${input.audiences.map((audience) => audienceChoice.label(audience).toLowerCase()).join(", ")}`],
      ],
    ),
    "",
    "## Roles",
    "",
    trustedTable(["Role", "Who", "Does"], roles),
  ];
  for (const phase of phases(input, detected)) {
    lines.push("", `## ${phase.title}`, "", `**Owner:** ${phase.owner}. **Target:** ${phase.target}.`, "", ...phase.checklist.map((item) => `- [ ] ${item}`));
  }
  if (input.notes) lines.push("", "## Notes", "", markdownText(input.notes));
  return markdownDocument(lines);
}

// ---- Communication templates ----

function communicationTemplate(input: Input, audience: Audience, detected: number): string {
  const cadence = durationText(input.updateCadenceMinutes);
  const security = isSecurity(input);
  const summary = markdownText(input.summary);
  const header = (title: string, channel: string, approval: string) => [
    `# ${title}`,
    "",
    `**Channel:** ${channel}. **Approved by:** ${approval}. **Cadence:** ${audience === "internal" ? `every ${cadence}` : audience === "regulators" ? "as the regulation requires" : `every ${cadence} while customer-facing impact lasts, then at resolution`}.`,
    "",
    "Fill in the [bracketed] parts; never guess, say what is not known yet.",
    "",
  ];
  switch (audience) {
    case "internal":
      // User text stays out of the code block (where Markdown cannot escape it); the facts are listed above it.
      return markdownDocument([
        ...header("Internal update", "the incident channel and an email to the incident list", "incident commander"),
        `- **What:** ${summary}`,
        `- **Detected:** ${utc(detected)}`,
        `- **Systems:** ${input.affectedSystems.map(markdownText).join(", ")}`,
        `- **Incident commander:** ${input.incidentCommander ? markdownText(input.incidentCommander) : "[name]"}`,
        "",
        "```text",
        `[${input.severity.toUpperCase()}] ${input.incidentType} incident: update [n] at [HH:MM] UTC`,
        "",
        "What: [the summary above, updated]",
        `Detected: ${utc(detected)}`,
        "Systems: [affected systems]",
        "Impact now: [who is affected and how]",
        "Done since the last update: [actions]",
        "Next: [actions, owners]",
        `Next update: [HH:MM] UTC (every ${cadence})`,
        "Incident commander: [name]",
        ...(security ? ["", "Do not discuss this incident outside this channel; do not contact the attacker or touch affected systems without the security lead."] : []),
        "```",
      ]);
    case "customers":
      return markdownDocument([
        ...header("Customer update", "the status page, then email to affected customers", "incident commander and Legal" + (security ? " (and the DPO for personal data)" : "")),
        "## While it lasts",
        "",
        "```text",
        security ? "We are investigating a security incident affecting [service]." : "We are investigating [degraded performance / errors] affecting [service].",
        "We noticed it at [HH:MM] UTC and our team is working on it now.",
        "What you may notice: [plain description of the impact].",
        security ? "What you can do: [e.g. reset your password, watch for phishing emails claiming to be from us]." : "What you can do: [workaround, if any].",
        `Next update by [HH:MM] UTC.`,
        "```",
        "",
        "## When it is resolved",
        "",
        "```text",
        "The issue affecting [service] between [HH:MM] and [HH:MM] UTC is resolved.",
        "What happened: [one or two plain sentences].",
        ...(security && input.dataAffected.some((category) => category !== "none") ? ["Your data: [what was and was not affected, and what we are doing about it]."] : []),
        "What we are changing so it does not happen again: [actions].",
        "We are sorry for the disruption. Questions: [support contact].",
        "```",
        "",
        `Internal reference, not for publication: ${summary}`,
      ]);
    case "regulators": {
      const regimes = (input.regulatoryRegimes ?? []).map((regime) => regimeChoice.label(regime)).join(", ");
      return markdownDocument([
        ...header("Regulator notification", `the regulator's official reporting channel (${regimes || "as Legal decides"})`, "Legal / DPO"),
        "```text",
        "Notifying organisation: [legal name, registration number, contact of the DPO]",
        `Date and time of awareness: ${utc(detected)}`,
        "Date and time of the incident, if different: [known / under investigation]",
        `Nature of the incident: ${input.incidentType} incident: [description]`,
        `Categories of data: ${input.dataAffected.map((category) => dataCategoryChoice.label(category)).join(", ")}`,
        "Approximate number of people and records concerned: [number or range; say how it was estimated]",
        "Likely consequences for the people concerned: [assessment]",
        "Measures taken or proposed: [containment, mitigation, notification of individuals]",
        "This is [an initial / a follow-up / the final] notification; further information will follow by [date].",
        "```",
        "",
        "Keep a copy of every submission and its acknowledgement with the incident's evidence.",
      ]);
    }
    case "partners":
      return markdownDocument([
        ...header("Partner and supplier notice", "the named contacts in each contract", "incident commander and Legal"),
        "```text",
        `We are handling a ${input.incidentType} incident that may affect our integration with you.`,
        `Detected: ${utc(detected)}. Systems involved on our side: [list].`,
        security ? "Please watch for unusual activity from our integration credentials; we have [revoked / rotated] them at [HH:MM] UTC." : "You may see [errors / delays] on [interface] until [time or next update].",
        "Your contractual notification window: [from the contract]. Contact for this incident: [name, phone].",
        "```",
      ]);
  }
}

// ---- Evidence ----

const evidenceSteps: Record<Input["evidencePreservation"][number], { order: number; steps: string[] }> = {
  "memory-capture": {
    order: 1,
    steps: [
      "Capture memory first: it is the most volatile evidence (RFC 3227 order of volatility)",
      "Use a trusted tool from read-only media (e.g. AVML or LiME on Linux, WinPmem on Windows); write to external storage, never to the host's own disk",
      "Record the running processes, network connections and logged-in users at the same time",
      "Hash each image (SHA-256) and note the hash on the custody form",
    ],
  },
  "disk-snapshots": {
    order: 2,
    steps: [
      "Snapshot every affected volume before any change, rebuild or termination",
      "Tag the snapshots with the incident id and protect them from deletion (retention lock, separate account)",
      "Record the snapshot ids, times and hashes on the custody form",
    ],
  },
  "log-hold": {
    order: 3,
    steps: [
      "Place a legal hold on the logs of the affected systems, the identity provider, the cloud control plane and the network (flow logs)",
      "Extend retention beyond the normal period until Legal releases the hold",
      "Export a copy to write-once storage and record its hash",
    ],
  },
  "chain-of-custody": {
    order: 4,
    steps: [
      "Give each item an id; record who collected it, when, where from, and its hash",
      "Record every transfer: from whom, to whom, when, why",
      "Store originals read-only; analysts work on verified copies",
    ],
  },
  timeline: {
    order: 5,
    steps: ["Keep one timeline in UTC: every observation and action, who did it, and its source", "Never edit past entries: correct them with a new, timestamped entry"],
  },
};

function evidenceDocument(input: Input): string {
  const chosen = [...input.evidencePreservation].sort((a, b) => evidenceSteps[a].order - evidenceSteps[b].order);
  const lines = [
    "# Evidence-preservation checklist",
    "",
    isSecurity(input)
      ? "Work from the most volatile evidence to the least, and before containment changes anything. Evidence that may go to court or a regulator needs an unbroken chain of custody."
      : "An operational incident needs less forensic care, but the review depends on an accurate record: keep it while it happens.",
  ];
  if (chosen.length === 0) lines.push("", "No evidence preservation was chosen; keep at least a timeline.");
  for (const item of chosen) {
    lines.push("", `## ${evidenceChoice.label(item)}`, "", ...evidenceSteps[item].steps.map((step) => `- [ ] ${step}`));
  }
  if (input.evidencePreservation.includes("chain-of-custody")) {
    lines.push("", "## Custody form", "", trustedTable(["Item id", "Description", "Source system", "Collected by", "Collected at (UTC)", "SHA-256", "Transfers"], [["E-001", "[memory image / snapshot / log export]", input.affectedSystems[0] ? escapedCell(input.affectedSystems[0]) : "[system]", "[name]", "[time]", "[hash]", "[from → to, time, reason]"]]));
  }
  return markdownDocument(lines);
}

// ---- Flow diagram ----

function flowDiagram(input: Input, detected: number): string {
  const security = isSecurity(input);
  const regulatory = regulatoryMilestones(input, detected);
  const lines = [
    "flowchart TD",
    `  detect[${mermaidLabel(`Detection: ${detectionSourceChoice.label(input.detectionSource)} at ${utc(detected)}`)}]`,
    `  summary[/${mermaidLabel(input.summary)}/]`,
    "  summary -.- detect",
    `  triage{${mermaidLabel(`Triage: is it a ${input.severity.toUpperCase()} ${input.incidentType} incident?`)}}`,
    "  detect --> triage",
    `  close[${mermaidLabel("Close as a false positive; tune the detection")}]`,
    `  triage -->|${mermaidLabel("no")}| close`,
  ];
  let previous = "triage";
  let label = `|${mermaidLabel("yes")}|`;
  if (security && input.evidencePreservation.length > 0) {
    lines.push(`  evidence[${mermaidLabel(`Preserve evidence: ${input.evidencePreservation.map((item) => evidenceChoice.label(item)).join("; ")}`)}]`, `  ${previous} -->${label} evidence`);
    previous = "evidence";
    label = "";
  }
  lines.push(`  contain[${mermaidLabel(`Containment: ${input.containmentOptions.map((option) => containmentChoice.label(option)).join("; ")}`)}]`, `  ${previous} -->${label} contain`);
  lines.push(
    `  holds{${mermaidLabel("Contained?")}}`,
    "  contain --> holds",
    `  holds -->|${mermaidLabel("no: escalate")}| contain`,
    `  investigate[${mermaidLabel(security ? "Investigation: access vector, scope, data touched" : "Investigation: trigger and contributing causes")}]`,
    `  holds -->|${mermaidLabel("yes")}| investigate`,
    `  recover[${mermaidLabel("Recovery: restore, verify, monitor")}]`,
    "  investigate --> recover",
    `  review[${mermaidLabel(`Post-incident review ${severityTargets[input.severity].review}`)}]`,
    "  recover --> review",
    `  systems[(${mermaidLabel(`Affected: ${input.affectedSystems.join(", ")}`)})]`,
    "  systems -.- triage",
    `  comms([${mermaidLabel(`Updates every ${durationText(input.updateCadenceMinutes)}: ${input.audiences.map((audience) => audienceChoice.label(audience)).join(", ")}`)}])`,
    "  triage -.-> comms",
  );
  if (regulatory.length > 0) {
    const first = regulatory.reduce((earliest, milestone) => (milestone.at < earliest.at ? milestone : earliest));
    lines.push(`  regulators([${mermaidLabel(`Notify regulators by ${utc(first.at)}`)}])`, "  triage -.-> regulators");
  }
  return `${lines.join("\n")}\n`;
}

function summaryFigures(input: Input, detected: number): SummaryFigure[] {
  const regulatory = regulatoryMilestones(input, detected);
  const first = regulatory.length ? regulatory.reduce((earliest, milestone) => (milestone.at < earliest.at ? milestone : earliest)) : undefined;
  const checklist = phases(input, detected).reduce((sum, phase) => sum + phase.checklist.length, 0);
  const targets = severityTargets[input.severity];
  return [
    { key: "severity", label: "Severity", value: input.severity.toUpperCase(), detail: severityChoice.label(input.severity) },
    {
      key: "containment-target",
      label: "Contain by",
      value: utc(detected + targets.contain * minute),
      detail: `${durationText(targets.contain)} after detection (${input.severity.toUpperCase()} target)`,
    },
    first
      ? { key: "regulatory-deadline", label: "First regulatory deadline", value: utc(first.at), detail: `${first.what}; ${groupedInteger((first.at - detected) / hour)} h after detection` }
      : { key: "regulatory-deadline", label: "First regulatory deadline", value: "none", detail: "No regulator is on the audience list" },
    { key: "update-cadence", label: "Status updates", value: input.updateCadenceMinutes, unit: "minutes", detail: `to ${input.audiences.length} audience(s)` },
    { key: "checklist-items", label: "Checklist items", value: checklist, detail: "across the six phases" },
  ];
}

function generate(input: Input): GeneratorResult {
  // The schema guarantees a parseable time; 0 keeps the generator total for input it has not validated.
  const detected = parseDateTime(input.detectedAt) ?? 0;
  const artifacts: Artifact[] = [
    { path: "incident/response-plan.md", kind: "plan", mediaType: mediaTypes.markdown, content: planDocument(input, detected) },
    ...input.audiences.map(
      (audience): Artifact => ({ path: `incident/communications/${audience}.md`, kind: "document", mediaType: mediaTypes.markdown, content: communicationTemplate(input, audience, detected) }),
    ),
    { path: "incident/evidence-checklist.md", kind: "checklist", mediaType: mediaTypes.markdown, content: evidenceDocument(input) },
    { path: "incident/timeline.md", kind: "plan", mediaType: mediaTypes.markdown, content: timelineDocument(input, detected) },
    { path: "incident/flow.mmd", kind: "diagram", mediaType: mediaTypes.mermaid, content: flowDiagram(input, detected) },
  ];
  return { summary: summaryFigures(input, detected), artifacts };
}

export const incidentResponderGenerator: RoleGenerator<IncidentResponderRequirements> = {
  role: "incident-responder",
  version: "1.2.0",
  generate,
};
