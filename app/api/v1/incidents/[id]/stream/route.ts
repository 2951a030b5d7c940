import { apiRoute, authenticate } from "@/lib/api/handler";
import { incidentStream } from "@/lib/incidents/live.server";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => incidentStream(await authenticate(request), params.id, request));
