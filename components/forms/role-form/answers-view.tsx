// A role's answers as a reader sees them: sections per step, labels, option labels, units; groups as
// numbered items. Used by the review step and the request's Requirements tab.
import { Pencil } from "lucide-react";
import type { Answer, AnswerRow, AnswerSection } from "@/lib/requests/answers";
import { Button } from "@/components/ui/button";

function AnswerValue({ answer }: { answer: Answer }) {
  switch (answer.kind) {
    case "empty":
      return <span className="text-fg-muted italic">Not answered</span>;
    case "text":
      return answer.multiline ? <span className="whitespace-pre-wrap">{answer.text}</span> : <span className="break-words">{answer.text}</span>;
    case "list":
      return (
        <ul className="flex flex-wrap gap-1.5">
          {answer.items.map((item, index) => (
            <li key={`${item}-${index}`} className="rounded-md border border-border bg-surface-muted px-2 py-0.5 text-base">
              {item}
            </li>
          ))}
        </ul>
      );
    case "group": {
      // Items as rows of a table, one column per item field (in the fields' order): compact and easy to scan.
      const columns: { key: string; label: string }[] = [];
      for (const rows of answer.items) for (const row of rows) if (!columns.some((column) => column.key === row.key)) columns.push({ key: row.key, label: row.label });
      return (
        <div tabIndex={0} role="region" aria-label="Items, scrolls sideways" className="overflow-x-auto rounded-md border border-border">
          <table className="w-full border-collapse text-left text-base">
            <thead className="bg-surface-muted">
              <tr>
                <th scope="col" className="w-10 px-3 py-2 text-sm font-semibold text-fg-muted">
                  #
                </th>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className="px-3 py-2 text-sm font-semibold text-fg-muted">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {answer.items.map((rows, index) => (
                <tr key={index} className="border-t border-border align-top">
                  <td className="px-3 py-2 text-fg-muted tabular-nums">{index + 1}</td>
                  {columns.map((column) => {
                    const row = rows.find((candidate) => candidate.key === column.key);
                    return (
                      <td key={column.key} className="px-3 py-2">
                        {row ? <AnswerValue answer={row.answer} /> : <span className="text-fg-muted">—</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
  }
}

function Rows({ rows }: { rows: AnswerRow[] }) {
  return (
    <dl className="grid gap-x-8 gap-y-1 @xl:gap-y-3 @xl:grid-cols-[minmax(10rem,16rem)_minmax(0,1fr)]">
      {rows.map((row) => (
        <div key={row.key} className="contents">
          <dt className="text-base font-medium text-fg-muted">{row.label}</dt>
          <dd className="mb-2 min-w-0 text-base text-fg @xl:mb-0">
            <AnswerValue answer={row.answer} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AnswersView({ sections, onEditStep }: { sections: AnswerSection[]; onEditStep?: (stepId: string) => void }) {
  return (
    <div className="@container flex flex-col divide-y divide-border">
      {sections.map((section) => (
        <section key={section.step.id} aria-labelledby={`answers-${section.step.id}`} className="py-5 first:pt-0 last:pb-0">
          <div className="mb-3 flex items-center justify-between gap-3">
            <h3 id={`answers-${section.step.id}`} className="text-lg font-semibold">
              {section.step.title}
            </h3>
            {onEditStep && (
              <Button variant="ghost" size="sm" onClick={() => onEditStep(section.step.id)} aria-label={`Edit ${section.step.title}`}>
                <Pencil aria-hidden="true" /> Edit
              </Button>
            )}
          </div>
          <Rows rows={section.rows} />
        </section>
      ))}
    </div>
  );
}
