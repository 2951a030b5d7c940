// The browser's client for /api/v1/requests: typed calls that throw ApiError with the server's code,
// issues (field paths) and details (e.g. the current answers on a 409), so forms can show them.
import type {
  ConflictDetails,
  CreateRequestInput,
  RequestCommentView,
  RequestDetail,
  RequestList,
  Revision,
  RevisionSummary,
  TransitionRequestInput,
  UpdateRequestInput,
} from "@/lib/requests/schema";

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

async function call<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
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

export const requestsApi = {
  list: (query: Record<string, string>, signal?: AbortSignal) => call<RequestList>(`/requests?${new URLSearchParams(query)}`, { signal }),
  get: (id: string) => call<RequestDetail>(`/requests/${encodeURIComponent(id)}`),
  create: (body: CreateRequestInput) => call<RequestDetail>("/requests", { method: "POST", body }),
  update: (id: string, body: UpdateRequestInput) => call<RequestDetail & { revisionCreated?: boolean }>(`/requests/${encodeURIComponent(id)}`, { method: "PATCH", body }),
  transition: (id: string, body: TransitionRequestInput) => call<RequestDetail>(`/requests/${encodeURIComponent(id)}/transitions`, { method: "POST", body }),
  revisions: (id: string) => call<{ revisions: RevisionSummary[] }>(`/requests/${encodeURIComponent(id)}/revisions`).then((body) => body.revisions),
  revision: (id: string, number: number) => call<Revision>(`/requests/${encodeURIComponent(id)}/revisions/${number}`),
  comments: (id: string) => call<{ comments: RequestCommentView[] }>(`/requests/${encodeURIComponent(id)}/comments`).then((body) => body.comments),
  addComment: (id: string, body: string) => call<RequestCommentView>(`/requests/${encodeURIComponent(id)}/comments`, { method: "POST", body: { body } }),
  editComment: (id: string, commentId: string, body: string) =>
    call<RequestCommentView>(`/requests/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}`, { method: "PATCH", body: { body } }),
};

/** Server issues on the answers, re-keyed to the form's own paths (the server puts them under "input" or "draft"). */
export function answerErrorsFrom(error: ApiError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const [head, ...rest] = issue.path;
    if ((head === "input" || head === "draft") && rest.length > 0) errors[rest.map(String).join(".")] ??= issue.message;
    else if (head === "title") errors.title ??= issue.message;
  }
  return errors;
}

/** The same typed fetch, for other domains' browser clients (lib/reviews/api-client.ts). */
export { call as apiCall };
