// What was recorded about each agenda item while a meeting ran: decision records and approvals (from the
// reviews data layer). The minutes list them per item.
import "server-only";
import type { Tx } from "@/lib/db/client";
import type { MinutesApproval, MinutesDecision } from "@/lib/reviews/minutes";

export interface ReviewRecords {
  decisions: Map<string, MinutesDecision[]>;
  approvals: Map<string, MinutesApproval[]>;
}

export async function collectReviewRecords(
  _tx: Tx,
  _meeting: { meetingId: string; from: Date; to: Date; items: { id: string; requestId: string }[] },
): Promise<ReviewRecords> {
  return { decisions: new Map(), approvals: new Map() };
}
