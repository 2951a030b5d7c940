import { apiRoute, authenticate } from "@/lib/api/handler";
import { revisionQuerySchema } from "@/lib/artifacts/api-schema";
import { getRevisionArtifacts } from "@/lib/artifacts/artifacts.server";
import { zipArtifacts, zipBaseName } from "@/lib/artifacts/zip";
import { parseOrThrow } from "@/lib/errors";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const { revision } = parseOrThrow(revisionQuerySchema, Object.fromEntries(request.nextUrl.searchParams));
  const artifacts = await getRevisionArtifacts(actor, params.id, revision);
  const name = zipBaseName(artifacts.title, artifacts.revision);
  const bytes = zipArtifacts(name, artifacts.artifacts);
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}.zip"`,
      "content-length": String(bytes.byteLength),
      "cache-control": "private, no-cache",
    },
  });
});
