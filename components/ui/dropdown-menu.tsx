"use client";
// DropdownMenu: Radix menu for the user menu and team switcher (arrow keys, typeahead, Escape to close).
import { Check } from "lucide-react";
import { DropdownMenu as MenuPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const DropdownMenu = MenuPrimitive.Root;
export const DropdownMenuTrigger = MenuPrimitive.Trigger;
export const DropdownMenuGroup = MenuPrimitive.Group;
export const DropdownMenuRadioGroup = MenuPrimitive.RadioGroup;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  align = "end",
  ...props
}: ComponentProps<typeof MenuPrimitive.Content>) {
  return (
    <MenuPrimitive.Portal>
      <MenuPrimitive.Content
        sideOffset={sideOffset}
        align={align}
        className={cn(
          "z-50 max-h-(--radix-dropdown-menu-content-available-height) min-w-56 overflow-y-auto",
          "rounded-md border border-border bg-surface p-1 text-fg shadow-lg data-[state=open]:animate-fade-in",
          className,
        )}
        {...props}
      />
    </MenuPrimitive.Portal>
  );
}

const itemClassName = cn(
  "relative flex min-h-9 cursor-pointer items-center gap-2 rounded-sm px-3 py-1.5 text-base outline-none select-none",
  "data-[highlighted]:bg-accent data-[highlighted]:text-accent-fg data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60",
  "[&_svg]:size-[1.1em] [&_svg]:shrink-0",
);

export type DropdownMenuItemProps = ComponentProps<typeof MenuPrimitive.Item> & {
  /** `danger` for destructive items such as "Delete" (pair it with ConfirmDialog). */
  tone?: "default" | "danger";
};

// The highlighted (focused) item is filled with the accent colour instead of outlined, as menus conventionally are.
export function DropdownMenuItem({ className, tone = "default", ...props }: DropdownMenuItemProps) {
  return (
    <MenuPrimitive.Item
      className={cn(
        itemClassName,
        tone === "danger" && "text-critical-fg data-[highlighted]:bg-danger data-[highlighted]:text-danger-fg",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuCheckboxItem({
  className,
  children,
  ...props
}: ComponentProps<typeof MenuPrimitive.CheckboxItem>) {
  return (
    <MenuPrimitive.CheckboxItem className={cn(itemClassName, "pl-9", className)} {...props}>
      <span className="absolute left-3 flex items-center">
        <MenuPrimitive.ItemIndicator>
          <Check aria-hidden="true" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.CheckboxItem>
  );
}

export function DropdownMenuRadioItem({ className, children, ...props }: ComponentProps<typeof MenuPrimitive.RadioItem>) {
  return (
    <MenuPrimitive.RadioItem className={cn(itemClassName, "pl-9", className)} {...props}>
      <span className="absolute left-3 flex items-center">
        <MenuPrimitive.ItemIndicator>
          <Check aria-hidden="true" />
        </MenuPrimitive.ItemIndicator>
      </span>
      {children}
    </MenuPrimitive.RadioItem>
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof MenuPrimitive.Label>) {
  return <MenuPrimitive.Label className={cn("px-3 py-1.5 text-sm font-semibold text-fg-muted", className)} {...props} />;
}

export function DropdownMenuSeparator({ className, ...props }: ComponentProps<typeof MenuPrimitive.Separator>) {
  return <MenuPrimitive.Separator className={cn("-mx-1 my-1 h-px bg-border", className)} {...props} />;
}
