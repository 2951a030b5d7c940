import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { TooLargeError } from "@/lib/errors";
import { receiveDeploymentDelivery } from "@/lib/deployments/hooks.server";
import { deploymentWebhookFormats } from "@/lib/integrations/deployment-webhooks";
import type { DeploymentHookProvider } from "@/lib/deployments/webhook-format";

/** GitHub caps deliveries at 25 MB; a push of 2,048 commits fits well under this. */
const LIMIT_BYTES = 5_000_000;

// No Bearer token: the provider signs the delivery with the hook's secret, checked before anything is read.
export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  if (Number(request.headers.get("content-length") ?? "0") > LIMIT_BYTES) throw new TooLargeError(`The body is larger than ${LIMIT_BYTES} bytes`);
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > LIMIT_BYTES) throw new TooLargeError(`The body is larger than ${LIMIT_BYTES} bytes`);
  const result = await receiveDeploymentDelivery(
    params.id,
    (provider) => deploymentWebhookFormats[provider as DeploymentHookProvider],
    (name) => request.headers.get(name),
    body,
  );
  return NextResponse.json(result, { status: result.outcome === "ignored" ? 202 : 200 });
});
