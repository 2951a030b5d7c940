// The sections of the portal's navigation. Only sections that work are listed; features add theirs.
import { Boxes, Rocket, ClipboardList, Gauge, House, Presentation, ScrollText, Settings, Siren, UsersRound, type LucideIcon } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
}

export const navItems: NavItem[] = [
  { href: "/", label: "Home", icon: House },
  { href: "/roles", label: "Roles", icon: UsersRound },
  { href: "/requests", label: "Requests", icon: ClipboardList },
  { href: "/reviews", label: "Reviews", icon: Presentation },
  { href: "/decisions", label: "Decisions", icon: ScrollText },
  { href: "/services", label: "Services", icon: Boxes },
  { href: "/slos", label: "SLOs", icon: Gauge },
  { href: "/incidents", label: "Incidents", icon: Siren },
  { href: "/dora", label: "DORA", icon: Rocket },
  { href: "/settings", label: "Settings", icon: Settings },
];
