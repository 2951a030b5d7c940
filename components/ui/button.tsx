// Button: primary, secondary, ghost and danger actions in three sizes, with `asChild` for links and a loading state.
import { LoaderCircle } from "lucide-react";
import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg" | "icon";

const variantClasses: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover",
  secondary: "border border-border-strong bg-surface text-fg hover:bg-surface-muted",
  ghost: "text-fg hover:bg-surface-muted",
  danger: "bg-danger text-danger-fg hover:bg-danger-hover",
};

// Every size keeps at least a 36px hit target.
const sizeClasses: Record<ButtonSize, string> = {
  sm: "h-9 gap-1.5 px-3 text-sm",
  md: "h-10 gap-2 px-4 text-base",
  lg: "h-12 gap-2 px-6 text-lg",
  icon: "size-10 text-base",
};

/** The button look as a class string, for elements that cannot be a <Button> (e.g. a <Link> in a server component). */
export function buttonVariants({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn(
    "inline-flex shrink-0 cursor-pointer items-center justify-center rounded-md font-medium whitespace-nowrap",
    "no-underline transition-colors select-none",
    "disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60",
    "[&_svg]:pointer-events-none [&_svg]:size-[1.1em] [&_svg]:shrink-0",
    variantClasses[variant],
    sizeClasses[size],
    className,
  );
}

export type ButtonProps = ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Render the single child element (e.g. a link) with the button's look and behaviour. */
  asChild?: boolean;
  /** Shows a spinner, sets aria-busy and disables the button until the work finishes. */
  loading?: boolean;
};

export function Button({
  variant = "primary",
  size = "md",
  asChild = false,
  loading = false,
  disabled,
  className,
  children,
  type,
  ...props
}: ButtonProps) {
  const inactive = disabled || loading;
  const Component = asChild ? Slot.Root : "button";
  return (
    <Component
      className={buttonVariants({ variant, size, className })}
      // A link has no `disabled`; aria-disabled tells assistive tech instead.
      disabled={asChild ? undefined : inactive}
      aria-disabled={asChild && inactive ? true : undefined}
      aria-busy={loading || undefined}
      data-loading={loading || undefined}
      type={asChild ? type : (type ?? "button")}
      {...props}
    >
      {loading && <LoaderCircle aria-hidden="true" className="motion-safe:animate-spin" />}
      <Slot.Slottable>{children}</Slot.Slottable>
    </Component>
  );
}
