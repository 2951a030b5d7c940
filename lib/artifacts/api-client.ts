// The browser's client for the artifacts API: a revision's artifacts, the zip's address, and the live
// preview. Errors are ApiError (status, code, issues with field paths).
import type { GeneratorResult } from "@/lib/agents/generator";
import type { FormValues } from "@/lib/agents/types";
import type { RevisionArtifacts } from "@/lib/artifacts/schema";
import { apiCall as send } from "@/lib/api/client";
import type { PublicationView, RequestPublications } from "@/lib/artifacts/publications.server";

export interface ArtifactsPreview extends GeneratorResult {
  generatorVersion: string;
}

const revisionQuery = (revision?: number) => (revision === undefined ? "" : `?revision=${revision}`);

export const artifactsApi = {
  revision: (requestId: string, revision?: number) => send<RevisionArtifacts>(`/requests/${encodeURIComponent(requestId)}/artifacts${revisionQuery(revision)}`),
  zipUrl: (requestId: string, revision?: number) => `/api/v1/requests/${encodeURIComponent(requestId)}/artifacts.zip${revisionQuery(revision)}`,
  preview: (role: string, values: FormValues, signal?: AbortSignal) => send<ArtifactsPreview>(`/agents/${encodeURIComponent(role)}/preview`, { method: "POST", body: values, signal }),
  publications: (requestId: string) => send<RequestPublications>(`/requests/${encodeURIComponent(requestId)}/publications`),
  publish: (requestId: string, repositoryId: string) =>
    send<{ publication: PublicationView }>(`/requests/${encodeURIComponent(requestId)}/publications`, { method: "POST", body: { repositoryId } }).then((body) => body.publication),
};
