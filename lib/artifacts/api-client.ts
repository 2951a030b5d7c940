// The browser's client for the artifacts API: a revision's artifacts, the zip's address, and the live
// preview. Errors are the requests client's ApiError (status, code, issues with field paths).
import type { GeneratorResult } from "@/lib/agents/generator";
import type { FormValues } from "@/lib/agents/types";
import type { RevisionArtifacts } from "@/lib/artifacts/schema";
import { ApiError, type ApiIssue } from "@/lib/requests/api-client";

export interface ArtifactsPreview extends GeneratorResult {
  generatorVersion: string;
}

async function send<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
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
    throw new ApiError(0, "offline", "The portal cannot be reached. Check your connection.");
  }
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? "error", error?.message ?? `The portal answered ${response.status}`, error?.issues ?? []);
  }
  return body as T;
}

const revisionQuery = (revision?: number) => (revision === undefined ? "" : `?revision=${revision}`);

export const artifactsApi = {
  revision: (requestId: string, revision?: number) => send<RevisionArtifacts>(`/requests/${encodeURIComponent(requestId)}/artifacts${revisionQuery(revision)}`),
  zipUrl: (requestId: string, revision?: number) => `/api/v1/requests/${encodeURIComponent(requestId)}/artifacts.zip${revisionQuery(revision)}`,
  preview: (role: string, values: FormValues, signal?: AbortSignal) => send<ArtifactsPreview>(`/agents/${encodeURIComponent(role)}/preview`, { method: "POST", body: values, signal }),
};
