import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// Liveness: the process answers. Nothing else is checked, so a database outage never restarts the pods.
export function GET() {
  return NextResponse.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "Cache-Control": "no-store" } });
}
