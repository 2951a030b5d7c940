// The browser's client for /api/v1/requests: typed calls that throw ApiError with the server's code,
// issues (field paths) and details (e.g. the current answers on a 409), so forms can show them.
import { apiCall as call, type ApiError } from "@/lib/api/client";
import type {
  CreateRequestInput,
  RequestCommentView,
  RequestDetail,
  RequestList,
  Revision,
  RevisionSummary,
  TransitionRequestInput,
  UpdateRequestInput,
} from "@/lib/requests/schema";

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
  resolveComment: (id: string, commentId: string, resolved: boolean) =>
    call<RequestCommentView>(`/requests/${encodeURIComponent(id)}/comments/${encodeURIComponent(commentId)}`, { method: "PATCH", body: { resolved } }),
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
