// What an SLO chart marks (incidents, deployments), as a card with a list: readable and reachable by
// keyboard, the same shell for every kind of marker.
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export function MarkerListCard({ testId, icon: Icon, title, description, items }: { testId: string; icon: LucideIcon; title: string; description: string; items: { key: string; content: ReactNode }[] }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Icon aria-hidden="true" className="size-5" /> {title}
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      {items.length > 0 && (
        <CardContent>
          <ul className="flex flex-col gap-3">
            {items.map((item) => (
              <li key={item.key} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                {item.content}
              </li>
            ))}
          </ul>
        </CardContent>
      )}
    </Card>
  );
}
