import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/db/readiness.server";

export const dynamic = "force-dynamic";

// Readiness: the database answers and every migration of this build is applied (503 with the reason otherwise).
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json({ status: readiness.ready ? "ready" : "unavailable", ...readiness }, { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
