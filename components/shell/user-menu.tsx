"use client";
// The user menu: who is signed in, the theme, and sign out.
import Link from "next/link";
import { LogOut, UserRound } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export function UserMenu({ name, email }: { name: string | null; email: string }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex min-h-10 items-center gap-2 rounded-md px-3 py-2 hover:bg-surface-muted"
        aria-label={`Account menu for ${name ?? email}`}
        data-testid="user-menu"
      >
        <UserRound aria-hidden="true" className="size-5" />
        <span className="hidden max-w-48 truncate sm:inline">{name ?? email}</span>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>
          <span className="block font-semibold">{name ?? email}</span>
          <span className="block text-sm font-normal text-fg-muted">{email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/sign-out" className="no-underline">
            <LogOut aria-hidden="true" /> Sign out
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
