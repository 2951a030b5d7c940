// The browser's typed fetch for /api/v1: JSON in and out, and every failure as an ApiError with the
// server's code, message, issues (field paths) and details (e.g. the current state on a 409), so forms and
// panels can show them. Each domain's api-client.ts builds its calls on `apiCall`.
import type { ConflictDetails } from "@/lib/requests/schema";

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The current state of the request when the change collided with another one (409). */
  get conflict(): ConflictDetails | undefined {
    return this.status === 409 && this.details && typeof this.details === "object" ? (this.details as ConflictDetails) : undefined;
  }
}

export async function apiCall<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
      signal: init.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, "offline", "The portal cannot be reached. Check your connection; your changes are kept on this page.");
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; issues?: ApiIssue[]; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? "error", error?.message ?? `The portal answered ${response.status}`, error?.issues ?? [], error?.details);
  }
  return body as T;
}
