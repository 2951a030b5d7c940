"use client";
// A navigation link that marks itself as the current page.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function NavLink({ href, children, exact = false }: { href: string; children: ReactNode; exact?: boolean }) {
  const pathname = usePathname();
  const active = exact || href === "/" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex min-h-10 items-center gap-3 rounded-md px-3 py-2 text-base font-medium no-underline transition-colors",
        active ? "bg-accent text-accent-fg" : "text-fg hover:bg-surface-muted",
      )}
    >
      {children}
    </Link>
  );
}
