// React Query keys of the reviews domain.
export const reviewKeys = {
  all: ["reviews"] as const,
  approvals: (requestId: string) => [...reviewKeys.all, "approvals", requestId] as const,
  approvalsAt: (requestId: string, revision: number, status: string) => [...reviewKeys.approvals(requestId), revision, status] as const,
  decisions: (teamSlug: string, filters: Record<string, string>) => [...reviewKeys.all, "decisions", teamSlug, filters] as const,
  decision: (id: string) => [...reviewKeys.all, "decision", id] as const,
};
