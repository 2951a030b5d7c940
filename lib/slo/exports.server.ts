// Exports of one SLO, a service's SLOs or a team's SLOs, scoped to what the caller may read.
import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db/client";
import { parseOrThrow } from "@/lib/errors";
import { exportFileName, exportFormats, exportSlos, type ExportFormat } from "@/lib/slo/exports";
import { listSloDefinitions, sloAccess } from "@/lib/slo/slos.server";

export const exportQuerySchema = z.object({ format: z.enum(exportFormats, { error: "Choose format=openslo, sloth, prometheus or promtool" }) });

export type ExportScope = { sloId: string } | { serviceId: string } | { teamSlug: string };

/** The YAML text and a file name for a download. */
export async function exportSlosFor(actor: Actor, scope: ExportScope, rawFormat: unknown): Promise<{ text: string; fileName: string; format: ExportFormat }> {
  const { format } = parseOrThrow(exportQuerySchema, { format: rawFormat ?? undefined });
  if ("sloId" in scope) {
    const { slo } = await sloAccess(getDb(), actor, scope.sloId);
    return { format, text: exportSlos(format, [slo], `SLO ${slo.name} of ${slo.service.name} (team ${slo.team.name})`, exportFileName([slo.team.slug, slo.service.slug, slo.slug], "prometheus")), fileName: exportFileName([slo.team.slug, slo.service.slug, slo.slug], format) };
  }
  if ("serviceId" in scope) {
    const { definitions, access } = await listSloDefinitions(actor, { serviceId: scope.serviceId });
    const service = await getDb().service.findUniqueOrThrow({ where: { id: scope.serviceId }, select: { slug: true, name: true } });
    return { format, text: exportSlos(format, definitions, `the SLOs of ${service.name} (team ${access.team.name})`, exportFileName([access.team.slug, service.slug], "prometheus")), fileName: exportFileName([access.team.slug, service.slug], format) };
  }
  const { definitions, access } = await listSloDefinitions(actor, { teamSlug: scope.teamSlug });
  return { format, text: exportSlos(format, definitions, `the SLOs of team ${access.team.name}`, exportFileName([access.team.slug, "slos"], "prometheus")), fileName: exportFileName([access.team.slug, "slos"], format) };
}

/** The HTTP answer for an export: YAML, offered as a download. */
export function exportResponse(result: { text: string; fileName: string }): Response {
  return new Response(result.text, {
    status: 200,
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
