// Maps domain errors to HTTP JSON: { "error": { "code", "message", "issues"? } }. Never a stack trace.
import { NextResponse } from "next/server";
import { ConflictError, DomainError, ForbiddenError, InvalidError, NotFoundError, TooLargeError, UnauthenticatedError } from "@/lib/errors";

export interface ApiErrorBody {
  error: { code: string; message: string; issues?: { path: (string | number)[]; message: string; code?: string }[]; details?: unknown };
}

export function errorResponse(status: number, code: string, message: string, extra: Partial<ApiErrorBody["error"]> = {}) {
  return NextResponse.json({ error: { code, message, ...extra } } satisfies ApiErrorBody, {
    status,
    headers: status === 401 ? { "WWW-Authenticate": 'Bearer realm="platform-portal"' } : undefined,
  });
}

/** The HTTP status for a domain error. */
export function statusFor(error: DomainError): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof ConflictError) return 409;
  if (error instanceof InvalidError) return 422;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof TooLargeError) return 413;
  return 400;
}

export function errorToResponse(error: unknown): NextResponse {
  if (error instanceof DomainError) {
    const extra: Partial<ApiErrorBody["error"]> = {};
    if (error instanceof InvalidError) extra.issues = error.issues;
    if (error instanceof ConflictError && error.details !== undefined) extra.details = error.details;
    return errorResponse(statusFor(error), error.code, error.message, extra);
  }
  console.error("Unhandled API error:", error);
  return errorResponse(500, "internal", "Something went wrong on our side. The error has been logged.");
}
