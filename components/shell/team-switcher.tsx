"use client";
// The team switcher: the current team, and a menu to switch to another or create one.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { ChevronsUpDown, Plus, Users } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useToast } from "@/components/ui/toast";

export interface SwitcherTeam {
  slug: string;
  name: string;
  role: string;
}

export function TeamSwitcher({ teams, current, switchTeam }: { teams: SwitcherTeam[]; current?: SwitcherTeam; switchTeam: (slug: string) => Promise<{ ok: boolean; message?: string }> }) {
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();

  function choose(slug: string) {
    if (slug === current?.slug) return;
    startTransition(async () => {
      const result = await switchTeam(slug);
      if (!result.ok) {
        toast({ title: "Could not switch team", description: result.message, tone: "critical" });
        return;
      }
      router.refresh();
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex min-h-12 w-full items-center gap-3 rounded-md border border-border bg-surface px-3 py-2 text-left hover:bg-surface-muted"
        // The visible text first (WCAG 2.5.3, label in name), then what the button does.
        aria-label={current ? `${current.name} ${current.role.toLowerCase()}: switch team` : "No team yet: choose a team"}
        aria-busy={pending || undefined}
        data-testid="team-switcher"
      >
        <Users aria-hidden="true" className="size-5 shrink-0 text-fg-muted" />
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="truncate font-semibold">{current?.name ?? "No team yet"}</span>
          {/* A space between name and role, so the text reads "Payments owner" (a flex column shows none). */}
          {current && " "}
          {current && <span className="text-sm text-fg-muted">{current.role.toLowerCase()}</span>}
        </span>
        <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-64">
        <DropdownMenuLabel>Your teams</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={current?.slug} onValueChange={choose}>
          {teams.map((team) => (
            <DropdownMenuRadioItem key={team.slug} value={team.slug}>
              <span className="flex-1">{team.name}</span>
              <span className="text-sm opacity-80">{team.role.toLowerCase()}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings/teams/new" className="no-underline">
            <Plus aria-hidden="true" /> Create a team
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
