// React Query keys of the artifacts domain. A revision's artifacts never change, so they are cached by
// number; "current" follows the request (invalidate it with the request's detail when a revision is made).
export const artifactKeys = {
  all: ["artifacts"] as const,
  request: (requestId: string) => [...artifactKeys.all, requestId] as const,
  revision: (requestId: string, revision: number | "current") => [...artifactKeys.request(requestId), revision] as const,
  preview: (role: string, values: unknown) => [...artifactKeys.all, "preview", role, values] as const,
  publications: (requestId: string) => [...artifactKeys.all, "publications", requestId] as const,
};
