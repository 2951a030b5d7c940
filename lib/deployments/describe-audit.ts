// Sentences for the deployments' and DORA targets' audit events.
type Details = Record<string, unknown> | null;

const value = (details: Details, key: string) => {
  const found = details?.[key];
  return found === undefined || found === null ? "" : String(found);
};

const sourceNames: Record<string, string> = { api: "the API", github: "GitHub", gitlab: "GitLab", argocd: "Argo CD", demo: "the demo seed" };

export function describeDeploymentEvent(who: string, action: string, details: unknown): string | undefined {
  const d = (details && typeof details === "object" ? details : null) as Details;
  const via = sourceNames[value(d, "source")] ?? "the API";
  switch (action) {
    case "deployment.recorded": {
      const count = Number(d?.count ?? 0);
      if (count === 1 && d?.service) return `${who} recorded a deployment of ${value(d, "service")} (${value(d, "status").toLowerCase().replaceAll("_", " ")}) through ${via}`;
      return `${who} recorded ${count} deployments through ${via}`;
    }
    case "deployment.linked":
      return `${who} named a deployment of ${value(d, "service")} as the cause of incident #${value(d, "incident")}`;
    case "deployment.unlinked":
      return `${who} removed a deployment of ${value(d, "service")} as the cause of incident #${value(d, "incident")}`;
    case "deployment.hook_created":
      return `${who} added a ${sourceNames[value(d, "provider")] ?? value(d, "provider")} deployment webhook for ${value(d, "service")}`;
    case "deployment.hook_deleted":
      return `${who} removed a ${sourceNames[value(d, "provider")] ?? value(d, "provider")} deployment webhook of ${value(d, "service")}`;
    case "deployment.hook_secret_rotated":
      return `${who} replaced the secret of the ${sourceNames[value(d, "provider")] ?? value(d, "provider")} deployment webhook of ${value(d, "service")}`;
    case "dora.target_set":
      return `${who} set the team's target “${value(d, "label")}” to ${value(d, "value")}`;
    case "dora.target_reset":
      return `${who} reset the team's target “${value(d, "label")}” to the role's default`;
    default:
      return undefined;
  }
}
