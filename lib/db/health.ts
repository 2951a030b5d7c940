// Database reachability for /api/health: one cheap query with a deadline, never a thrown error.
import { getDb } from "@/lib/db/client";

const TIMEOUT_MS = 3_000;

export interface DatabaseHealth {
  reachable: boolean;
  latencyMs?: number;
  reason?: string;
}

export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([getDb().$queryRaw`SELECT 1`, timeout]);
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { reachable: false, reason: `The database is unreachable: ${describeDatabaseError(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

/** One readable line for a connection failure, without stack or credentials. */
export function describeDatabaseError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  const known = code ?? cause;
  if (known === "ECONNREFUSED") return "connection refused";
  if (known === "ENOTFOUND") return "host not found";
  if (known === "28P01" || known === "28000") return "authentication failed";
  if (known === "3D000") return "the database does not exist";
  // Through Prisma's pg adapter the socket or server error is gone: only the adapter's `kind` is left.
  const adapter = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string; message?: string } } } })?.meta?.driverAdapterError?.cause;
  if (adapter?.kind) return adapterErrors[adapter.kind] ?? redactUrls(adapter.message ?? adapter.kind);
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages start with a blank line: the first line with text in it is the summary.
  return redactUrls(message.split("\n").find((line) => line.trim()) ?? "unknown error");
}

const adapterErrors: Record<string, string> = {
  DatabaseNotReachable: "cannot reach the server (connection refused or host not found)",
  DatabaseDoesNotExist: "the database does not exist",
  DatabaseAccessDenied: "authentication failed",
  AuthenticationFailed: "authentication failed",
  TlsConnectionError: "the TLS connection failed",
  TooManyConnections: "the server has too many connections",
  ConnectionClosed: "the server closed the connection",
  SocketTimeout: "no answer in time",
};

function redactUrls(line: string): string {
  return line.trim().replace(/postgres(ql)?:\/\/[^\s]+/g, "<database url>").slice(0, 200);
}
