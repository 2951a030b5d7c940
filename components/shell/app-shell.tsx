// The signed-in shell: navigation, team switcher, user menu and theme toggle around every portal page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Boxes } from "lucide-react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { CollapsibleNav } from "./collapsible-nav";
import { navItems } from "./nav-items";
import { NavLink } from "./nav-link";
import { TeamSwitcher, type SwitcherTeam } from "./team-switcher";
import { UserMenu } from "./user-menu";

export interface AppShellProps {
  user: { name: string | null; email: string };
  teams: SwitcherTeam[];
  currentTeam?: SwitcherTeam;
  switchTeam: (slug: string) => Promise<{ ok: boolean; message?: string }>;
  /** Shown above every page's content, e.g. the paused-endpoints alert. */
  banner?: ReactNode;
  children: ReactNode;
}

export function AppShell({ user, teams, currentTeam, switchTeam, banner, children }: AppShellProps) {
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface focus:p-3">
        Skip to content
      </a>
      <aside className="no-print flex shrink-0 flex-col gap-4 border-b border-border bg-surface px-4 py-3 lg:sticky lg:p-4 lg:top-0 lg:h-screen lg:w-72 lg:border-b-0 lg:border-r">
        <CollapsibleNav
          brand={
            <Link href="/" className="flex items-center gap-3 px-2 text-xl font-semibold text-fg no-underline">
              <Boxes aria-hidden="true" className="size-7 text-accent" />
              Platform Portal
            </Link>
          }
        >
          <TeamSwitcher teams={teams} current={currentTeam} switchTeam={switchTeam} />
          <nav aria-label="Main" className="flex flex-col gap-1">
            {navItems.map((item) => (
              <NavLink key={item.href} href={item.href}>
                <item.icon aria-hidden="true" className="size-5" />
                {item.label}
              </NavLink>
            ))}
          </nav>
        </CollapsibleNav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex items-center justify-end gap-2 border-b border-border bg-surface px-4 py-2 lg:px-8">
          <ThemeToggle />
          <UserMenu name={user.name} email={user.email} />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 lg:px-8 has-[[data-wide-page]]:max-w-[104rem]">
          {banner}
          {children}
        </main>
      </div>
    </div>
  );
}
