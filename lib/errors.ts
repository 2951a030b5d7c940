// Domain errors: a few typed classes that every layer throws and exactly two functions translate
// (lib/api/errors.ts to HTTP JSON, lib/forms/form-state.ts to form state).
import type { z } from "zod";
import { findTextIssues } from "@/lib/validation/text";

export interface Issue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The thing does not exist, or the caller may not know that it does (other teams' things). */
export class NotFoundError extends DomainError {
  readonly code = "not_found";
  constructor(what = "Resource") {
    super(`${what} not found`);
  }
}

/** The caller can see the thing but their team role does not allow this change (see ADR 003). */
export class ForbiddenError extends DomainError {
  readonly code = "forbidden";
  constructor(message = "Your role in this team does not allow this action") {
    super(message);
  }
}

/** The change collides with the current state: a duplicate, or an edit made from a stale version. */
export class ConflictError extends DomainError {
  readonly code = "conflict";
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

/** The input is well-formed but wrong; `issues` carry the field paths. */
export class InvalidError extends DomainError {
  readonly code: string = "invalid";
  constructor(message: string, readonly issues: Issue[] = []) {
    super(message);
  }

  static fromZod(error: z.ZodError, message = "The input is invalid"): InvalidError {
    return new InvalidError(
      message,
      error.issues.map((issue) => ({ path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: issue.message, code: issue.code })),
    );
  }

  /** One issue on one field. */
  static field(path: (string | number)[], message: string): InvalidError {
    return new InvalidError(message, [{ path, message }]);
  }
}

/** No valid session or token. */
export class UnauthenticatedError extends DomainError {
  readonly code = "unauthenticated";
  constructor(message = "Sign in or send a valid API token") {
    super(message);
  }
}

/** The request body is over a limit. */
export class TooLargeError extends DomainError {
  readonly code = "too_large";
  constructor(message: string) {
    super(message);
  }
}

/**
 * Parses with a zod schema, throwing InvalidError with the issues' paths. Whatever passes is then checked
 * for the text rule (lib/validation/text.ts) as a whole, so free text inside open records (form answers,
 * patches) cannot carry NUL or a lone surrogate to PostgreSQL either.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw InvalidError.fromZod(result.error);
  const textIssues = findTextIssues(result.data);
  if (textIssues.length) throw new InvalidError("The input is invalid", textIssues);
  return result.data;
}
