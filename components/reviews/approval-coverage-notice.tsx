// Said before anything is submitted: the team has too few people who may approve this role's requests,
// with a link to the review settings where a maintainer can designate reviewers or change the rules.
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { describeGap, type CoverageGap } from "@/lib/reviews/coverage";

export function ApprovalCoverageNotice({
  gaps,
  roleTitle,
  teamName,
  canManage,
  readerIsAuthor,
}: {
  gaps: readonly CoverageGap[];
  roleTitle: string;
  teamName: string;
  canManage: boolean;
  readerIsAuthor: boolean;
}) {
  if (gaps.length === 0) return null;
  return (
    <div role="note" aria-labelledby="approval-coverage-title" className="mb-6 flex items-start gap-3 rounded-md border border-warning/50 bg-warning-soft p-4 text-warning-fg" data-testid="approval-coverage">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
      <div className="flex min-w-0 flex-col gap-1 text-base">
        <p id="approval-coverage-title" className="font-semibold">
          Nobody in {teamName} can approve this request yet
        </p>
        <ul className="list-disc pl-5">
          {gaps.map((gap) => (
            <li key={gap.reviewerKind}>
              A {roleTitle.toLowerCase()} request {describeGap(gap, readerIsAuthor)}.
            </li>
          ))}
        </ul>
        <p>
          <Link href="/settings/reviews" className="font-medium text-warning-fg underline">
            {canManage ? "Designate a reviewer or change the required approvals" : "See who reviews what"}
          </Link>
          {canManage ? "" : " and ask a maintainer or owner to designate a reviewer"}.
        </p>
      </div>
    </div>
  );
}
