import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute, authenticate, readJson } from "@/lib/api/handler";
import { sanitizeDeep } from "@/lib/validation/text";
import { receiveAlertmanagerNotification } from "@/lib/integrations/alertmanager/receiver.server";

// The payload is validated by the lib, which answers a malformed one with 422 and its issues. Its labels and
// annotations are strings no person typed, so NUL and lone surrogates are stripped from them, not refused.
export const POST = apiRoute(async (request) => {
  const actor = await authenticate(request);
  const payload = await readJson(request, z.unknown().transform((body) => sanitizeDeep(body)));
  return NextResponse.json(await receiveAlertmanagerNotification(actor, payload, { team: request.nextUrl.searchParams.get("team") ?? undefined }));
});
