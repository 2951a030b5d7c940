import type { ReactNode } from "react";
import { NavLink } from "@/components/shell/nav-link";

const sections = [
  { href: "/settings", label: "Team" },
  { href: "/settings/members", label: "Members" },
  { href: "/settings/tokens", label: "API tokens" },
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/repositories", label: "Repositories" },
  { href: "/settings/data-sources", label: "Data sources" },
  { href: "/settings/deployments", label: "Deployments" },
  { href: "/settings/reviews", label: "Reviews" },
  { href: "/settings/teams/new", label: "New team" },
];

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-8 lg:flex-row">
      <nav aria-label="Settings" className="flex shrink-0 flex-row flex-wrap gap-1 lg:w-48 lg:flex-col">
        {sections.map((section) => (
          <NavLink key={section.href} href={section.href} exact>
            {section.label}
          </NavLink>
        ))}
      </nav>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
