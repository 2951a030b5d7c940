import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { receiveProviderWebhook } from "@/lib/integrations/git/provider-webhook.server";

// No bearer token: the provider signs the delivery with the repository's webhook secret (401 otherwise).
export const POST = apiRoute<{ id: string }>(async (request, { params }) => NextResponse.json(await receiveProviderWebhook(params.id, request)));
