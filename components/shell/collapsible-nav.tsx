"use client";
// Below the lg breakpoint (phones, narrow windows) the team switcher and the navigation fold behind a
// "Menu" button, so a page's heading is the first thing on the screen; from lg they are the sidebar.
// The menu closes when a link is followed.
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export function CollapsibleNav({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState<{ open: boolean; at: string }>({ open: false, at: pathname });
  // Following a link (a new pathname) folds the menu again.
  const isOpen = open.open && open.at === pathname;
  return (
    <>
      <div className="flex items-center justify-between gap-3">
        {brand}
        <Button
          variant="secondary"
          className="lg:hidden"
          aria-expanded={isOpen}
          aria-controls="portal-menu"
          onClick={() => setOpen({ open: !isOpen, at: pathname })}
        >
          {isOpen ? <X aria-hidden="true" /> : <Menu aria-hidden="true" />} Menu
        </Button>
      </div>
      <div id="portal-menu" className={cn("flex-col gap-4 lg:flex", isOpen ? "flex" : "hidden")}>
        {children}
      </div>
    </>
  );
}
