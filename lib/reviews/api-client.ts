// The browser's client for the reviews endpoints: approvals on a request, and decisions.
import { apiCall } from "@/lib/api/client";
import type { ApprovalState, CreateDecisionInput, DecisionList, DecisionView, RecordApprovalInput, UpdateDecisionInput } from "@/lib/reviews/schema";

const encode = encodeURIComponent;

export const reviewsApi = {
  approvals: (requestId: string) => apiCall<ApprovalState>(`/requests/${encode(requestId)}/approvals`),
  recordApproval: (requestId: string, body: RecordApprovalInput) => apiCall<ApprovalState>(`/requests/${encode(requestId)}/approvals`, { method: "POST", body }),
  decisions: (teamSlug: string, query: Record<string, string>) => apiCall<DecisionList>(`/teams/${encode(teamSlug)}/decisions?${new URLSearchParams(query)}`),
  createDecision: (teamSlug: string, body: Omit<CreateDecisionInput, "team">) => apiCall<DecisionView>(`/teams/${encode(teamSlug)}/decisions`, { method: "POST", body }),
  updateDecision: (id: string, body: UpdateDecisionInput) => apiCall<DecisionView>(`/decisions/${encode(id)}`, { method: "PATCH", body }),
};
