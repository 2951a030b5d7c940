// Route-handler helpers: authenticate (Bearer token or session), parse JSON with zod, map errors.
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { getSessionActor } from "@/lib/auth/session";
import { authenticateToken } from "@/lib/tokens/tokens.server";
import { InvalidError, NotFoundError, UnauthenticatedError, parseOrThrow } from "@/lib/errors";
import { UndecodableBodyError, readBodyText } from "@/lib/api/body";
import { errorToResponse } from "@/lib/api/errors";
import { TEXT_NUL_MESSAGE } from "@/lib/validation/text";

/** Rejects bodies past this size before parsing them. Endpoints may pass a larger limit. */
export const DEFAULT_BODY_LIMIT_BYTES = 1_000_000;

/** The caller: a Bearer token when the header is present (and then only it), else the session cookie. */
export async function authenticate(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const actor = match ? await authenticateToken(match[1]) : undefined;
    if (!actor) throw new UnauthenticatedError("The API token is unknown, revoked or expired");
    return actor;
  }
  // No session cookie at all: answer without asking next-auth (which needs a request scope).
  if (!/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(request.headers.get("cookie") ?? "")) throw new UnauthenticatedError();
  const actor = await getSessionActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** Reads and validates a JSON body: 400 for malformed JSON or bytes that are not UTF-8, 413 past the limit (declared or streamed, never buffered whole), 422 with issue paths. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S, limitBytes = DEFAULT_BODY_LIMIT_BYTES): Promise<z.infer<S>> {
  const text = await readBodyText(request, limitBytes);
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new MalformedJsonError();
  }
  return parseOrThrow(schema, body);
}

/** A body that is not JSON at all: answered with 400, not 422. */
export class MalformedJsonError extends InvalidError {
  readonly code = "malformed_json";
  constructor() {
    super("The body is not valid JSON");
  }
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Path segments that hold NUL, a lone surrogate, or bytes that were not UTF-8 (decoded to U+FFFD, or left
 * percent-encoded) name nothing we store: they answer 404 here and never reach the database.
 */
function assertReadableParams(params: unknown): void {
  if (!params || typeof params !== "object") return;
  for (const value of Object.values(params)) {
    for (const segment of Array.isArray(value) ? value : [value]) {
      if (typeof segment !== "string") continue;
      if (/[\u0000\ufffd]|%[0-9a-f]{2}/i.test(segment) || !segment.isWellFormed()) throw new NotFoundError();
    }
  }
}

/**
 * Query values are free text that may reach a query: one that holds NUL, or bytes that are not UTF-8
 * (URLSearchParams would quietly turn them into U+FFFD), answers 422 with the parameter's path.
 */
function assertReadableQuery(url: string): void {
  const search = url.includes("?") ? url.slice(url.indexOf("?") + 1).split("#")[0] : "";
  if (!search) return;
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const pair of search.split("&")) {
    const [rawKey, rawValue = ""] = pair.split("=", 2);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(rawKey.replaceAll("+", " "));
      value = decodeURIComponent(rawValue.replaceAll("+", " "));
    } catch {
      issues.push({ path: ["query", rawKey], message: "Must be valid UTF-8, percent-encoded" });
      continue;
    }
    if (key.includes("\u0000") || value.includes("\u0000")) issues.push({ path: ["query", key.replaceAll("\u0000", "")], message: TEXT_NUL_MESSAGE });
  }
  if (issues.length) throw new InvalidError("The query is invalid", issues);
}

/** Wraps a route handler so that every error becomes the standard JSON error. */
export function apiRoute<P = Record<string, never>>(
  handler: (request: NextRequest, context: { params: P }) => Promise<Response>,
) {
  return async (request: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = await context.params;
      assertReadableParams(params);
      assertReadableQuery(request.url);
      return await handler(request, { params });
    } catch (error) {
      if (error instanceof MalformedJsonError || error instanceof UndecodableBodyError) {
        const response = errorToResponse(error);
        return new Response(response.body, { status: 400, headers: response.headers });
      }
      return errorToResponse(error);
    }
  };
}
