import { NextResponse } from "next/server";
import { previewFor } from "@/lib/agents/generators";
import { getRole } from "@/lib/agents/registry";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { previewBodySchema } from "@/lib/artifacts/api-schema";
import { InvalidError } from "@/lib/errors";

// The live preview: generates from the answers as typed; nothing is saved, so nothing is audited.
export const POST = apiRoute<{ role: string }>(async (request, { params }) => {
  await authenticate(request);
  const role = getRole(params.role);
  const values = await readJson(request, previewBodySchema);
  const preview = previewFor(role.key, values);
  if (!preview.ok) throw new InvalidError(preview.issues.length === 1 ? "One answer needs attention" : `${preview.issues.length} answers need attention`, preview.issues);
  return NextResponse.json({ summary: preview.result.summary, artifacts: preview.result.artifacts, generatorVersion: preview.version });
});
