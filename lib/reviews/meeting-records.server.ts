// What was recorded about each agenda item while a meeting ran, for its minutes: the decision records taken
// in it (they name the agenda item) and the approvals or change requests given on its request between the
// meeting's start and end.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { MinutesApproval, MinutesDecision } from "@/lib/reviews/minutes";
import { decisionReference } from "@/lib/reviews/schema";

export interface ReviewRecords {
  decisions: Map<string, MinutesDecision[]>;
  approvals: Map<string, MinutesApproval[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export async function collectReviewRecords(
  tx: Tx,
  meeting: { meetingId: string; from: Date; to: Date; items: { id: string; requestId: string }[] },
): Promise<ReviewRecords> {
  const records: ReviewRecords = { decisions: new Map(), approvals: new Map() };
  if (meeting.items.length === 0) return records;
  const [decisions, approvals] = await Promise.all([
    tx.decision.findMany({ where: { meetingItemId: { in: meeting.items.map((item) => item.id) } }, orderBy: { number: "asc" } }),
    tx.requestApproval.findMany({
      where: { requestId: { in: meeting.items.map((item) => item.requestId) }, updatedAt: { gte: meeting.from, lte: meeting.to } },
      include: { reviewer: { select: { name: true, email: true } } },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  for (const decision of decisions) {
    push(records.decisions, decision.meetingItemId!, { reference: decisionReference(decision.number), title: decision.title, status: decision.status });
  }
  const itemOfRequest = new Map(meeting.items.map((item) => [item.requestId, item.id]));
  for (const approval of approvals) {
    push(records.approvals, itemOfRequest.get(approval.requestId)!, { reviewer: approval.reviewer, decision: approval.decision, revision: approval.revision, comment: approval.comment });
  }
  return records;
}
