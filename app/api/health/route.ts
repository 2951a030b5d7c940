import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database.reachable ? "ok" : "unavailable", database },
    { status: database.reachable ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
