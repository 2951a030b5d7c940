// The devops-incident-responder's generator: a diagnosis runbook of ordered checks with ready queries in the
// chosen observability stack's language (PromQL, Datadog, KQL for ELK, NRQL, CloudWatch Logs Insights), a
// remediation decision tree in Mermaid, and an escalation path. Suspects are ordered from the input alone:
// changes by how close they came before the symptom, dependencies by how unhealthy they are.
import type { Artifact, GeneratorResult, RoleGenerator, SummaryFigure } from "@/lib/agents/generator";
import { mediaTypes } from "@/lib/agents/generator";
import { markdownText, mermaidLabel } from "@/lib/agents/shared/escape";
import { parseDateTime } from "@/lib/agents/shared/fields";
import { decimalText, groupedInteger, markdownDocument, trustedTable } from "@/lib/agents/shared/yaml-artifact";
import {
  changeKindChoice,
  dependencyKindChoice,
  healthChoice,
  observabilityChoice,
  remediationChoice,
  resourceChoice,
  symptomChoice,
  type DevopsIncidentResponderRequirements,
} from "./schema";

type Input = DevopsIncidentResponderRequirements;
type Stack = Input["observabilityStack"];
type Resource = NonNullable<Input["saturatedResource"]>;
type Dependency = Input["dependencies"][number];
type Change = Input["recentChanges"][number];
type Action = NonNullable<Input["allowedActions"]>[number];

/** The language each stack's queries are written in, for the code fences and the runbook's text. */
const queryLanguage: Record<Stack, { fence: string; name: string }> = {
  "prometheus-grafana": { fence: "promql", name: "PromQL" },
  datadog: { fence: "text", name: "Datadog metric queries" },
  elk: { fence: "text", name: "KQL (Kibana)" },
  "new-relic": { fence: "sql", name: "NRQL" },
  cloudwatch: { fence: "sql", name: "CloudWatch Logs Insights" },
};

type QueryKind = "latency" | "errors" | "availability" | "breakdown" | "versions" | "logs" | Resource | `dependency-${Dependency["kind"]}`;

/**
 * A ready query for a check in the stack's language. The metric names are the ones each stack's standard
 * integrations emit (OpenTelemetry / Prometheus client conventions, Datadog APM, Elastic APM, New Relic APM,
 * CloudWatch Container Insights); adjust the labels to your own.
 */
function query(stack: Stack, kind: QueryKind, input: Input, dependency?: string): string {
  const service = input.service;
  const env = input.environment;
  const dep = dependency ?? "";
  switch (stack) {
    case "prometheus-grafana": {
      const sel = `job="${service}"`;
      const queries: Record<QueryKind, string> = {
        latency: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{${sel}}[5m])))`,
        errors: `sum(rate(http_requests_total{${sel},code=~"5.."}[5m])) / sum(rate(http_requests_total{${sel}}[5m]))`,
        availability: `up{${sel}} == 0 or absent(up{${sel}})`,
        breakdown: `topk(10, sum by (pod, route) (rate(http_requests_total{${sel},code=~"5.."}[5m])))`,
        versions: `sum by (version) (rate(http_requests_total{${sel},code=~"5.."}[5m])) / sum by (version) (rate(http_requests_total{${sel}}[5m]))`,
        logs: `{app="${service}"} |= "error" | logfmt  # LogQL, in Grafana Explore with Loki`,
        cpu: `sum by (pod) (rate(container_cpu_usage_seconds_total{container="${service}"}[5m])) / sum by (pod) (kube_pod_container_resource_limits{container="${service}",resource="cpu"})`,
        memory: `sum by (pod) (container_memory_working_set_bytes{container="${service}"}) / sum by (pod) (kube_pod_container_resource_limits{container="${service}",resource="memory"})`,
        disk: `1 - node_filesystem_avail_bytes{mountpoint="/"} / node_filesystem_size_bytes{mountpoint="/"}`,
        connections: `sum by (pod) (db_client_connections_usage{${sel},state="used"}) / sum by (pod) (db_client_connections_max{${sel}})`,
        queue: `sum(kafka_consumergroup_lag{consumergroup="${service}"})`,
        threads: `sum by (pod) (process_threads{${sel}})`,
        "dependency-database": `histogram_quantile(0.99, sum by (le) (rate(db_client_operation_duration_seconds_bucket{${sel},db_name="${dep}"}[5m])))`,
        "dependency-cache": `sum(rate(redis_keyspace_hits_total{instance=~"${dep}.*"}[5m])) / (sum(rate(redis_keyspace_hits_total{instance=~"${dep}.*"}[5m])) + sum(rate(redis_keyspace_misses_total{instance=~"${dep}.*"}[5m])))`,
        "dependency-queue": `sum by (topic) (kafka_consumergroup_lag{topic=~"${dep}.*"})`,
        "dependency-service": `sum(rate(http_client_requests_total{${sel},peer_service="${dep}",code=~"5.."}[5m])) / sum(rate(http_client_requests_total{${sel},peer_service="${dep}"}[5m]))`,
        "dependency-third-party": `histogram_quantile(0.99, sum by (le) (rate(http_client_request_duration_seconds_bucket{${sel},peer_service="${dep}"}[5m])))`,
        "dependency-dns": `sum(rate(coredns_dns_responses_total{rcode!="NOERROR"}[5m])) by (rcode)`,
      };
      return queries[kind];
    }
    case "datadog": {
      const tags = `service:${service},env:${env}`;
      const queries: Record<QueryKind, string> = {
        latency: `p99:trace.http.request.duration{${tags}}`,
        errors: `sum:trace.http.request.errors{${tags}}.as_count() / sum:trace.http.request.hits{${tags}}.as_count()`,
        availability: `avg:kubernetes_state.deployment.replicas_available{kube_deployment:${service},env:${env}}`,
        breakdown: `top(sum:trace.http.request.errors{${tags}} by {pod_name,resource_name}.as_count(), 10, 'sum', 'desc')`,
        versions: `sum:trace.http.request.errors{${tags}} by {version}.as_count() / sum:trace.http.request.hits{${tags}} by {version}.as_count()`,
        logs: `service:${service} env:${env} status:error  # Log Explorer`,
        cpu: `avg:kubernetes.cpu.usage.total{kube_deployment:${service},env:${env}} by {pod_name} / avg:kubernetes.cpu.limits{kube_deployment:${service},env:${env}} by {pod_name}`,
        memory: `avg:kubernetes.memory.working_set{kube_deployment:${service},env:${env}} by {pod_name} / avg:kubernetes.memory.limits{kube_deployment:${service},env:${env}} by {pod_name}`,
        disk: `max:system.disk.in_use{${tags}} by {host,device}`,
        connections: `max:postgresql.percent_usage_connections{env:${env}} by {db}`,
        queue: `sum:kafka.consumer_lag{consumer_group:${service},env:${env}} by {topic}`,
        threads: `avg:jvm.thread_count{${tags}} by {pod_name}`,
        "dependency-database": `p99:trace.postgres.query.duration{${tags},peer.service:${dep}}`,
        "dependency-cache": `sum:redis.stats.keyspace_hits{redis_host:${dep}}.as_count() / (sum:redis.stats.keyspace_hits{redis_host:${dep}}.as_count() + sum:redis.stats.keyspace_misses{redis_host:${dep}}.as_count())`,
        "dependency-queue": `sum:kafka.consumer_lag{topic:${dep},env:${env}} by {consumer_group}`,
        "dependency-service": `sum:trace.http.request.errors{service:${dep},env:${env}}.as_count() / sum:trace.http.request.hits{service:${dep},env:${env}}.as_count()`,
        "dependency-third-party": `p99:trace.http.request.duration{${tags},peer.service:${dep}}`,
        "dependency-dns": `sum:coredns.response_code_count{rcode:servfail,env:${env}}.as_count()`,
      };
      return queries[kind];
    }
    case "elk": {
      const base = `service.name : "${service}" and service.environment : "${env}"`;
      const queries: Record<QueryKind, string> = {
        latency: `${base} and processor.event : "transaction" and transaction.duration.us > ${(input.normalP99Ms ?? 500) * 1000}`,
        errors: `${base} and processor.event : "transaction" and event.outcome : "failure"`,
        availability: `monitor.name : "${service}" and monitor.status : "down"  # Uptime / Synthetics`,
        breakdown: `${base} and event.outcome : "failure"  # then split by host.name and transaction.name in Lens`,
        versions: `${base} and event.outcome : "failure"  # then split by service.version in Lens`,
        logs: `${base} and log.level : ("error" or "fatal")`,
        cpu: `${base} and metricset.name : "cpu" and kubernetes.container.cpu.usage.limit.pct > 0.8`,
        memory: `${base} and metricset.name : "memory" and kubernetes.container.memory.usage.limit.pct > 0.8`,
        disk: `metricset.name : "filesystem" and system.filesystem.used.pct > 0.85`,
        connections: `${base} and message : ("connection pool" or "timeout acquiring connection" or "too many connections")`,
        queue: `metricset.name : "consumergroup" and kafka.consumergroup.id : "${service}" and kafka.consumergroup.consumer_lag > 1000`,
        threads: `${base} and metricset.name : "thread" and jvm.thread.count > 500`,
        "dependency-database": `${base} and span.type : "db" and span.destination.service.resource : "${dep}" and span.duration.us > 100000`,
        "dependency-cache": `${base} and span.subtype : "redis" and span.destination.service.resource : "${dep}" and event.outcome : "failure"`,
        "dependency-queue": `${base} and span.subtype : ("kafka" or "rabbitmq" or "sqs") and span.destination.service.resource : "${dep}*"`,
        "dependency-service": `${base} and span.destination.service.resource : "${dep}*" and event.outcome : "failure"`,
        "dependency-third-party": `${base} and span.type : "external" and span.destination.service.resource : "${dep}*"`,
        "dependency-dns": `${base} and message : ("NXDOMAIN" or "SERVFAIL" or "getaddrinfo" or "no such host")`,
      };
      return queries[kind];
    }
    case "new-relic": {
      const app = `appName = '${service}'`;
      const queries: Record<QueryKind, string> = {
        latency: `SELECT percentile(duration, 99) FROM Transaction WHERE ${app} SINCE 3 hours ago TIMESERIES`,
        errors: `SELECT percentage(count(*), WHERE error IS true) FROM Transaction WHERE ${app} SINCE 3 hours ago TIMESERIES`,
        availability: `SELECT percentage(count(*), WHERE result = 'SUCCESS') FROM SyntheticCheck WHERE monitorName = '${service}' SINCE 3 hours ago TIMESERIES`,
        breakdown: `SELECT count(*) FROM TransactionError WHERE ${app} FACET host, name SINCE 1 hour ago LIMIT 10`,
        versions: `SELECT percentage(count(*), WHERE error IS true) FROM Transaction WHERE ${app} FACET tags.version SINCE 3 hours ago TIMESERIES`,
        logs: `SELECT * FROM Log WHERE service.name = '${service}' AND level IN ('error', 'fatal') SINCE 1 hour ago`,
        cpu: `SELECT average(cpuUsedCores / cpuLimitCores) FROM K8sContainerSample WHERE containerName = '${service}' FACET podName SINCE 3 hours ago TIMESERIES`,
        memory: `SELECT average(memoryWorkingSetBytes / memoryLimitBytes) FROM K8sContainerSample WHERE containerName = '${service}' FACET podName SINCE 3 hours ago TIMESERIES`,
        disk: `SELECT max(diskUsedPercent) FROM StorageSample FACET hostname, mountPoint SINCE 3 hours ago TIMESERIES`,
        connections: `SELECT average(newrelic.timeslice.value) FROM Metric WHERE metricTimesliceName LIKE 'Datastore/%' AND ${app} FACET metricTimesliceName SINCE 3 hours ago TIMESERIES`,
        queue: `SELECT max(consumer.totalLag) FROM KafkaOffsetSample WHERE consumerGroup = '${service}' FACET topic SINCE 3 hours ago TIMESERIES`,
        threads: `SELECT average(jvm.thread.count) FROM Metric WHERE ${app} FACET host SINCE 3 hours ago TIMESERIES`,
        "dependency-database": `SELECT percentile(databaseDuration, 99) FROM Transaction WHERE ${app} SINCE 3 hours ago TIMESERIES`,
        "dependency-cache": `SELECT average(duration) FROM Span WHERE ${app.replace("appName", "entity.name")} AND db.system = 'redis' AND peer.service = '${dep}' SINCE 3 hours ago TIMESERIES`,
        "dependency-queue": `SELECT max(consumer.totalLag) FROM KafkaOffsetSample WHERE topic LIKE '${dep}%' SINCE 3 hours ago TIMESERIES`,
        "dependency-service": `SELECT percentage(count(*), WHERE error IS true) FROM Transaction WHERE appName = '${dep}' SINCE 3 hours ago TIMESERIES`,
        "dependency-third-party": `SELECT percentile(duration, 99) FROM Span WHERE entity.name = '${service}' AND peer.service = '${dep}' SINCE 3 hours ago TIMESERIES`,
        "dependency-dns": `SELECT count(*) FROM Log WHERE service.name = '${service}' AND message LIKE '%no such host%' SINCE 3 hours ago TIMESERIES`,
      };
      return queries[kind];
    }
    case "cloudwatch": {
      const logs = (filter: string, stats: string) => `fields @timestamp, @message\n| filter ${filter}\n| stats ${stats}`;
      const queries: Record<QueryKind, string> = {
        latency: logs(`service = "${service}"`, "pct(duration_ms, 99) as p99 by bin(5m)"),
        errors: logs(`service = "${service}"`, "sum(status >= 500) / count(*) * 100 as error_pct by bin(5m)"),
        availability: `SELECT AVG(HealthyHostCount) FROM SCHEMA("AWS/ApplicationELB", LoadBalancer, TargetGroup) WHERE TargetGroup = '${service}'  -- Metrics Insights`,
        breakdown: logs(`service = "${service}" and status >= 500`, "count(*) as errors by kubernetes.pod_name, path | sort errors desc | limit 10"),
        versions: logs(`service = "${service}"`, "sum(status >= 500) / count(*) * 100 as error_pct by version"),
        logs: logs(`service = "${service}" and level in ["error", "fatal"]`, "count(*) by bin(1m)"),
        cpu: `SELECT MAX(pod_cpu_utilization_over_pod_limit) FROM SCHEMA(ContainerInsights, ClusterName, Namespace, PodName) WHERE PodName = '${service}' GROUP BY PodName  -- Metrics Insights`,
        memory: `SELECT MAX(pod_memory_utilization_over_pod_limit) FROM SCHEMA(ContainerInsights, ClusterName, Namespace, PodName) WHERE PodName = '${service}' GROUP BY PodName  -- Metrics Insights`,
        disk: `SELECT MAX(node_filesystem_utilization) FROM SCHEMA(ContainerInsights, ClusterName, NodeName) GROUP BY NodeName  -- Metrics Insights`,
        connections: `SELECT MAX(DatabaseConnections) FROM SCHEMA("AWS/RDS", DBInstanceIdentifier) GROUP BY DBInstanceIdentifier  -- Metrics Insights`,
        queue: `SELECT MAX(ApproximateAgeOfOldestMessage) FROM SCHEMA("AWS/SQS", QueueName) GROUP BY QueueName  -- Metrics Insights`,
        threads: logs(`service = "${service}" and @message like /thread pool|RejectedExecution/`, "count(*) by bin(1m)"),
        "dependency-database": `SELECT MAX(ReadLatency), MAX(WriteLatency) FROM SCHEMA("AWS/RDS", DBInstanceIdentifier) WHERE DBInstanceIdentifier = '${dep}'  -- Metrics Insights`,
        "dependency-cache": `SELECT AVG(CacheHitRate) FROM SCHEMA("AWS/ElastiCache", CacheClusterId) WHERE CacheClusterId = '${dep}'  -- Metrics Insights`,
        "dependency-queue": `SELECT MAX(ApproximateNumberOfMessagesVisible) FROM SCHEMA("AWS/SQS", QueueName) WHERE QueueName = '${dep}'  -- Metrics Insights`,
        "dependency-service": logs(`service = "${service}" and peer_service = "${dep}"`, "sum(status >= 500) / count(*) * 100 as error_pct by bin(5m)"),
        "dependency-third-party": logs(`service = "${service}" and peer_service = "${dep}"`, "pct(duration_ms, 99) as p99 by bin(5m)"),
        "dependency-dns": logs(`service = "${service}" and @message like /NXDOMAIN|SERVFAIL|no such host/`, "count(*) by bin(1m)"),
      };
      return queries[kind];
    }
  }
}

interface Check {
  title: string;
  why: string;
  query: string;
  lookFor: string;
}

const healthRank: Record<Dependency["health"], number> = { down: 0, degraded: 1, unknown: 2, healthy: 3 };

function durationText(minutes: number): string {
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 72 * 60) return `${decimalText(minutes / 60, 1)} h`;
  return `${decimalText(minutes / 1440, 1)} days`;
}

function minutesBetween(earlier: number, later: number): number {
  return Math.round((later - earlier) / 60_000);
}

/** Recent changes, the one closest before the symptom first (the usual suspect). */
function orderedChanges(input: Input, started: number): { change: Change; minutesBefore: number }[] {
  return input.recentChanges
    .map((change, index) => ({ change, index, minutesBefore: minutesBetween(parseDateTime(change.at) ?? started, started) }))
    .sort((a, b) => a.minutesBefore - b.minutesBefore || a.index - b.index)
    .map(({ change, minutesBefore }) => ({ change, minutesBefore }));
}

function orderedDependencies(input: Input): Dependency[] {
  return input.dependencies
    .map((dependency, index) => ({ dependency, index }))
    .sort((a, b) => healthRank[a.dependency.health] - healthRank[b.dependency.health] || a.index - b.index)
    .map(({ dependency }) => dependency);
}

function symptomFigure(input: Input): string {
  switch (input.symptom) {
    case "latency":
      return `p99 ${groupedInteger(input.currentP99Ms ?? 0)} ms against ${groupedInteger(input.normalP99Ms ?? 0)} ms normally (${decimalText((input.currentP99Ms ?? 0) / (input.normalP99Ms ?? 1), 1)}×)`;
    case "errors":
      return `${input.errorRatePercent}% of requests fail`;
    case "saturation":
      return `${resourceChoice.label(input.saturatedResource ?? "cpu")} is saturated`;
    case "outage":
      return "the service does not answer";
  }
}

function checks(input: Input, started: number): Check[] {
  const stack = input.observabilityStack;
  const list: Check[] = [];
  const confirmKind: QueryKind = input.symptom === "latency" ? "latency" : input.symptom === "errors" ? "errors" : input.symptom === "outage" ? "availability" : (input.saturatedResource ?? "cpu");
  list.push({
    title: "Confirm the symptom and its size",
    why: `The report says ${symptomFigure(input)}. Confirm it from the data before acting, and note the exact start.`,
    query: query(stack, confirmKind, input),
    lookFor: `A step change near ${input.startedAt}; if the data disagrees with the report, find out why before going on.`,
  });
  list.push({
    title: "Find where it happens",
    why: "One pod, one zone or one route points at a local cause; everything at once points at a change or a shared dependency.",
    query: query(stack, "breakdown", input),
    lookFor: "Errors or latency concentrated on a few pods, nodes or routes.",
  });
  for (const { change, minutesBefore } of orderedChanges(input, started)) {
    const deploy = change.kind === "deploy";
    list.push({
      title: `Suspect: ${changeKindChoice.label(change.kind).toLowerCase()} ${durationText(minutesBefore)} before the start`,
      why: `${markdownText(change.description)} (${change.at}).`,
      query: deploy ? query(stack, "versions", input) : query(stack, confirmKind, input),
      lookFor: deploy ? "The new version failing or slow while the old one is fine: roll back." : "The symptom starting right after the change: revert it.",
    });
  }
  if (input.symptom !== "saturation") {
    const resources: Resource[] = ["cpu", "memory", "connections"];
    for (const resource of resources) {
      list.push({
        title: `Saturation: ${resourceChoice.label(resource)}`,
        why: "Slow requests and errors often start with a resource running out.",
        query: query(stack, resource, input),
        lookFor: "Above 80% of the limit, throttling, or a pool at its maximum.",
      });
    }
  }
  for (const dependency of orderedDependencies(input)) {
    list.push({
      title: `Dependency: ${dependency.name} (${dependencyKindChoice.label(dependency.kind).toLowerCase()}, ${healthChoice.label(dependency.health).toLowerCase()})`,
      why: dependency.health === "healthy" ? "Reported healthy; check it from this service's side anyway." : `Reported ${dependency.health}: a prime suspect.`,
      query: query(stack, `dependency-${dependency.kind}`, input, dependency.name),
      lookFor: "Latency or errors on calls to it rising with the symptom.",
    });
  }
  list.push({
    title: "Read the errors in the logs",
    why: "The first new error message after the start usually names the cause.",
    query: query(stack, "logs", input),
    lookFor: "Messages that were absent before the start: timeouts, pool exhaustion, refused connections.",
  });
  return list;
}

function runbookDocument(input: Input, started: number): string {
  const language = queryLanguage[input.observabilityStack];
  const list = checks(input, started);
  const lines = [
    `# Diagnosis runbook: ${symptomChoice.label(input.symptom).toLowerCase()} on ${input.service} (${input.environment})`,
    "",
    `**Impact:** ${markdownText(input.impact)}`,
    "",
    `**Started:** ${input.startedAt}. **Now:** ${symptomFigure(input)}.`,
    "",
    `Queries are ${language.name} for ${observabilityChoice.label(input.observabilityStack)}${input.dashboardUrl ? `; start from the [main dashboard](<${input.dashboardUrl.replace(/[<>\s]/g, encodeURIComponent)}>)` : ""}. Work down the list; stop at the first check that explains the symptom and go to the decision tree.`,
  ];
  list.forEach((check, index) => {
    lines.push("", `## ${index + 1}. ${check.title}`, "", check.why, "", `\`\`\`${language.fence}`, check.query, "```", "", `**Look for:** ${check.lookFor}`);
  });
  if (input.notes) lines.push("", "## Notes", "", markdownText(input.notes));
  return markdownDocument(lines);
}

function actionAllowed(input: Input, action: Action): boolean {
  return input.autoRemediationAllowed && (input.allowedActions ?? []).includes(action);
}

function decisionTree(input: Input, started: number): string {
  const auto = (action: Action) => (actionAllowed(input, action) ? " (automatic)" : " (by a person)");
  const [suspect] = orderedChanges(input, started);
  const unhealthy = orderedDependencies(input).filter((dependency) => dependency.health === "down" || dependency.health === "degraded");
  const lines = [
    "flowchart TD",
    `  start([${mermaidLabel(`${symptomChoice.label(input.symptom)} on ${input.service}: ${input.impact}`)}])`,
    `  change{${mermaidLabel(suspect ? `Did it start after: ${suspect.change.description}?` : "Did a change come just before?")}}`,
    "  start --> change",
    `  deploy{${mermaidLabel("Was it a deployment?")}}`,
    `  change -->|${mermaidLabel("yes")}| deploy`,
    `  rollback[${mermaidLabel(`Roll back the deployment${auto("rollback-deploy")}`)}]`,
    `  deploy -->|${mermaidLabel("yes")}| rollback`,
    `  flag{${mermaidLabel("Was it a feature flag?")}}`,
    `  deploy -->|${mermaidLabel("no")}| flag`,
    `  flagoff[${mermaidLabel(`Turn the flag off${auto("toggle-flag")}`)}]`,
    `  flag -->|${mermaidLabel("yes")}| flagoff`,
    `  revert[${mermaidLabel("Revert the config or infrastructure change")}]`,
    `  flag -->|${mermaidLabel("no")}| revert`,
    `  dependency{${mermaidLabel(unhealthy.length ? `Is a dependency failing? (${unhealthy.map((item) => `${item.name}: ${item.health}`).join(", ")})` : "Is a dependency failing?")}}`,
    `  change -->|${mermaidLabel("no")}| dependency`,
    `  failover[${mermaidLabel(`Fail over to the standby${auto("failover")}`)}]`,
    `  dependency -->|${mermaidLabel("yes, with a standby")}| failover`,
    `  escalateowner[${mermaidLabel("Page the dependency's owner; degrade gracefully")}]`,
    `  dependency -->|${mermaidLabel("yes, no standby")}| escalateowner`,
    `  saturated{${mermaidLabel("Is a resource saturated?")}}`,
    `  dependency -->|${mermaidLabel("no")}| saturated`,
    `  scale[${mermaidLabel(`Scale out${auto("scale-out")}`)}]`,
    `  saturated -->|${mermaidLabel("yes")}| scale`,
    `  unhealthy{${mermaidLabel("Are some pods unhealthy?")}}`,
    `  saturated -->|${mermaidLabel("no")}| unhealthy`,
    `  restart[${mermaidLabel(`Restart the unhealthy pods${auto("restart-pods")}`)}]`,
    `  unhealthy -->|${mermaidLabel("yes")}| restart`,
    `  cache[${mermaidLabel(`Stale or poisoned cache? Flush it${auto("clear-cache")}`)}]`,
    `  unhealthy -->|${mermaidLabel("no")}| cache`,
    `  escalate[${mermaidLabel("Escalate: page the next level")}]`,
    "  cache --> escalate",
    `  verify{${mermaidLabel("Symptom gone for 15 minutes?")}}`,
    "  rollback --> verify",
    "  flagoff --> verify",
    "  revert --> verify",
    "  failover --> verify",
    "  scale --> verify",
    "  restart --> verify",
    `  verify -->|${mermaidLabel("no")}| escalate`,
    `  done([${mermaidLabel("Monitor, then write the review")}])`,
    `  verify -->|${mermaidLabel("yes")}| done`,
  ];
  return `${lines.join("\n")}\n`;
}

interface EscalationLevel {
  level: string;
  who: string;
  when: string;
}

function escalationLevels(input: Input): EscalationLevel[] {
  const production = input.environment === "production";
  const urgent = production && (input.symptom === "outage" || input.symptom === "errors");
  // Errors and outages in production escalate twice as fast as latency or saturation.
  const minutes = (value: number) => (urgent ? value / 2 : value);
  const levels: EscalationLevel[] = [
    { level: "L1", who: `On-call engineer for ${input.service}`, when: "at once (the page)" },
    { level: "L2", who: `Secondary on-call and the ${input.service} tech lead`, when: production ? `if not mitigated within ${minutes(20)} min` : "if not understood within 1 h, in working hours" },
  ];
  const owners = orderedDependencies(input).filter((dependency) => dependency.health === "down" || dependency.health === "degraded");
  if (owners.length) levels.push({ level: "L2", who: `Owners of ${owners.map((dependency) => dependency.name).join(", ")}`, when: "as soon as a check points at them" });
  if (production) {
    levels.push(
      { level: "L3", who: "Incident commander (declares an incident, takes over coordination)", when: `if not mitigated within ${minutes(30)} min, or at once for a full outage` },
      { level: "L4", who: "Engineering manager and the head of engineering", when: `if customer impact lasts beyond ${minutes(60)} min or data may be lost` },
    );
    if (input.dependencies.some((dependency) => dependency.kind === "third-party")) {
      levels.push({ level: "Vendor", who: `Support of ${input.dependencies.filter((dependency) => dependency.kind === "third-party").map((dependency) => dependency.name).join(", ")} (open a priority case)`, when: "when a third-party check fails" });
    }
  }
  return levels;
}

function escalationDocument(input: Input): string {
  const actions = input.autoRemediationAllowed ? (input.allowedActions ?? []) : [];
  const lines = [
    `# Escalation path: ${input.service} (${input.environment})`,
    "",
    input.environment === "production"
      ? "Production: escalate on time, not on certainty. Whoever holds the pager escalates when a step's time runs out, even mid-investigation."
      : "Staging: no customer impact, so escalation waits for working hours unless it blocks a release.",
    "",
    trustedTable(
      ["Level", "Who", "When"],
      escalationLevels(input).map((level) => [level.level, level.who, level.when]),
    ),
    "",
    "## Automatic remediation",
    "",
    actions.length
      ? `Allowed to run without a person: ${actions.map((action) => remediationChoice.label(action).toLowerCase()).join(", ")}. Each automatic action posts to the incident channel, runs at most once per incident, and stops if the symptom is not better within 10 minutes; anything else waits for a person.`
      : "No action runs automatically: the responder proposes, a person approves and runs it.",
    "",
    "## Hand-over",
    "",
    "- Every escalation states: the symptom and its size, when it started, the checks done and what they showed, what was tried.",
    "- The person escalated to acknowledges within 5 minutes or the next level is paged.",
  ];
  return markdownDocument(lines);
}

function summary(input: Input, started: number): SummaryFigure[] {
  const figures: SummaryFigure[] = [];
  if (input.symptom === "latency" && input.currentP99Ms !== undefined && input.normalP99Ms !== undefined) {
    figures.push({ key: "latency-ratio", label: "p99 against normal", value: Number((input.currentP99Ms / input.normalP99Ms).toFixed(1)), unit: "×", detail: `${groupedInteger(input.currentP99Ms)} ms ÷ ${groupedInteger(input.normalP99Ms)} ms` });
  }
  if (input.symptom === "errors" && input.errorRatePercent !== undefined) figures.push({ key: "error-rate", label: "Error rate", value: input.errorRatePercent, unit: "%" });
  if (input.symptom === "saturation" && input.saturatedResource) figures.push({ key: "saturated-resource", label: "Saturated resource", value: resourceChoice.label(input.saturatedResource) });
  const [suspect] = orderedChanges(input, started);
  figures.push(
    suspect
      ? { key: "prime-suspect", label: "Closest change before the start", value: suspect.minutesBefore, unit: "minutes before", detail: `${changeKindChoice.label(suspect.change.kind)}: ${suspect.change.description}` }
      : { key: "prime-suspect", label: "Closest change before the start", value: "none listed", detail: "No recent change was reported" },
  );
  const unhealthy = input.dependencies.filter((dependency) => dependency.health === "down" || dependency.health === "degraded");
  figures.push(
    { key: "unhealthy-dependencies", label: "Unhealthy dependencies", value: unhealthy.length, detail: unhealthy.map((dependency) => `${dependency.name} (${dependency.health})`).join(", ") || "none reported" },
    { key: "checks", label: "Diagnosis checks", value: checks(input, started).length, detail: `queries in ${queryLanguage[input.observabilityStack].name}` },
    {
      key: "automatic-actions",
      label: "Automatic actions allowed",
      value: input.autoRemediationAllowed ? (input.allowedActions ?? []).length : 0,
      detail: input.autoRemediationAllowed ? (input.allowedActions ?? []).map((action) => remediationChoice.label(action)).join(", ") : "a person runs every action",
    },
  );
  return figures;
}

function generate(input: Input): GeneratorResult {
  // The schema guarantees a parseable time; 0 keeps the generator total for input it has not validated.
  const started = parseDateTime(input.startedAt) ?? 0;
  const artifacts: Artifact[] = [
    { path: "runbook/diagnosis.md", kind: "runbook", mediaType: mediaTypes.markdown, content: runbookDocument(input, started) },
    { path: "runbook/decision-tree.mmd", kind: "diagram", mediaType: mediaTypes.mermaid, content: decisionTree(input, started) },
    { path: "runbook/escalation.md", kind: "runbook", mediaType: mediaTypes.markdown, content: escalationDocument(input) },
  ];
  return { summary: summary(input, started), artifacts };
}

export const devopsIncidentResponderGenerator: RoleGenerator<DevopsIncidentResponderRequirements> = {
  role: "devops-incident-responder",
  version: "1.2.0",
  generate,
};
