"use client";
// Dialog: Radix modal dialog with a required title, plus ConfirmDialog, which asks before a destructive action and waits for it.
import { X } from "lucide-react";
import { AlertDialog as AlertDialogPrimitive, Dialog as DialogPrimitive } from "radix-ui";
import { useState, type ComponentProps, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { ErrorAlert } from "./error-alert";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

const overlayClassName =
  "fixed inset-0 z-50 bg-overlay data-[state=open]:animate-fade-in data-[state=closed]:animate-fade-out";
const contentClassName = cn(
  "fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col gap-4",
  "overflow-y-auto rounded-md border border-border bg-surface p-6 text-fg shadow-xl",
  "data-[state=open]:animate-pop-in data-[state=closed]:animate-fade-out",
);
const sizeClasses = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl", xl: "max-w-4xl" } as const;

export type DialogContentProps = Omit<ComponentProps<typeof DialogPrimitive.Content>, "title"> & {
  /** Required: names the dialog for screen readers and shows as its heading. */
  title: ReactNode;
  description?: ReactNode;
  size?: keyof typeof sizeClasses;
  /** Hide the corner close button (Escape and DialogClose still close). */
  hideCloseButton?: boolean;
};

export function DialogContent({
  title,
  description,
  size = "md",
  hideCloseButton = false,
  className,
  children,
  ...props
}: DialogContentProps) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClassName} />
      <DialogPrimitive.Content
        className={cn(contentClassName, sizeClasses[size], className)}
        // Without a description, tell Radix not to look for one.
        {...(description ? {} : { "aria-describedby": undefined })}
        {...props}
      >
        <div className="flex flex-col gap-1.5 pr-10">
          <DialogPrimitive.Title className="text-xl font-semibold">{title}</DialogPrimitive.Title>
          {description && (
            <DialogPrimitive.Description className="text-base text-fg-muted">{description}</DialogPrimitive.Description>
          )}
        </div>
        {children}
        {!hideCloseButton && (
          <DialogPrimitive.Close asChild>
            <Button variant="ghost" size="icon" className="absolute top-3 right-3" aria-label="Close">
              <X aria-hidden="true" />
            </Button>
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("mt-2 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end", className)} {...props} />;
}

/** The footer of a form in a dialog: Cancel (closes it, unless the form is saving) and the submit button. */
export function DialogFormFooter({ pending, submitLabel, variant = "primary" }: { pending: boolean; submitLabel: ReactNode; variant?: "primary" | "danger" }) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary" disabled={pending}>
          Cancel
        </Button>
      </DialogClose>
      <Button type="submit" variant={variant} loading={pending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}

export type ConfirmDialogProps = {
  /** The element that opens the dialog (e.g. a danger Button). Omit it and control `open` yourself. */
  trigger?: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** `danger` (default) for destructive actions. */
  variant?: "danger" | "primary";
  /** May be async: the dialog stays open with a spinner until it settles, and shows the error if it throws. */
  onConfirm: () => void | Promise<void>;
};

export function ConfirmDialog({
  trigger,
  open: controlledOpen,
  onOpenChange,
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  variant = "danger",
  onConfirm,
}: ConfirmDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = controlledOpen ?? uncontrolledOpen;

  function setOpen(next: boolean) {
    if (pending) return; // Do not close while the action is running.
    if (next) setError(null);
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      setUncontrolledOpen(false);
      onOpenChange?.(false);
    } catch (caught) {
      setPending(false);
      setError(caught instanceof Error ? caught.message : "Something went wrong. Try again.");
    }
  }

  return (
    <AlertDialogPrimitive.Root open={open} onOpenChange={setOpen}>
      {trigger && <AlertDialogPrimitive.Trigger asChild>{trigger}</AlertDialogPrimitive.Trigger>}
      <AlertDialogPrimitive.Portal>
        <AlertDialogPrimitive.Overlay className={overlayClassName} />
        {/* Radix focuses Cancel first, so Enter never confirms by accident. */}
        <AlertDialogPrimitive.Content className={cn(contentClassName, sizeClasses.sm)} aria-busy={pending || undefined}>
          <div className="flex flex-col gap-1.5">
            <AlertDialogPrimitive.Title className="text-xl font-semibold">{title}</AlertDialogPrimitive.Title>
            <AlertDialogPrimitive.Description className="text-base text-fg-muted">
              {description}
            </AlertDialogPrimitive.Description>
          </div>
          <ErrorAlert message={error} />
          <DialogFooter>
            <AlertDialogPrimitive.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </AlertDialogPrimitive.Cancel>
            <Button variant={variant} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </DialogFooter>
        </AlertDialogPrimitive.Content>
      </AlertDialogPrimitive.Portal>
    </AlertDialogPrimitive.Root>
  );
}
