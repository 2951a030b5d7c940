"use client";
// Toast: short, self-dismissing notices. Wrap the app in <ToastProvider>, then `const { toast } = useToast()`.
import { CircleAlert, CircleCheck, Info, TriangleAlert, X } from "lucide-react";
import { Toast as ToastPrimitive } from "radix-ui";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";

export type ToastTone = "neutral" | "info" | "healthy" | "warning" | "critical";

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds on screen; defaults to 5 s, 10 s for critical. Hovering or focusing pauses it. */
  duration?: number;
};

type ToastEntry = ToastOptions & { id: number; open: boolean };

type ToastApi = {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => number;
  dismiss: (id: number) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

const toneStyles: Record<ToastTone, { edge: string; icon: string; Icon: typeof Info }> = {
  neutral: { edge: "border-l-border-strong", icon: "text-fg-muted", Icon: Info },
  info: { edge: "border-l-info", icon: "text-info-fg", Icon: Info },
  healthy: { edge: "border-l-healthy", icon: "text-healthy-fg", Icon: CircleCheck },
  warning: { edge: "border-l-warning", icon: "text-warning-fg", Icon: TriangleAlert },
  critical: { edge: "border-l-critical", icon: "text-critical-fg", Icon: CircleAlert },
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastEntry[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.map((entry) => (entry.id === id ? { ...entry, open: false } : entry)));
    // Keep the closed toast mounted briefly so Radix can finish closing, then forget it.
    window.setTimeout(() => setToasts((all) => all.filter((entry) => entry.id !== id)), 300);
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    const id = nextId.current++;
    setToasts((all) => [...all, { ...options, id, open: true }]);
    return id;
  }, []);

  const api = useMemo(() => ({ toast, dismiss }), [toast, dismiss]);

  return (
    <ToastContext.Provider value={api}>
      <ToastPrimitive.Provider swipeDirection="right" label="Notification">
        {children}
        {toasts.map(({ id, open, title, description, tone = "neutral", duration }) => {
          const { edge, icon, Icon } = toneStyles[tone];
          return (
            <ToastPrimitive.Root
              key={id}
              open={open}
              onOpenChange={(isOpen) => !isOpen && dismiss(id)}
              duration={duration ?? (tone === "critical" ? 10_000 : 5_000)}
              // Critical toasts interrupt (assertive); the rest are announced politely.
              type={tone === "critical" ? "foreground" : "background"}
              className={cn(
                "flex items-start gap-3 rounded-md border border-l-4 border-border bg-surface p-4 pr-2 text-fg shadow-lg",
                "data-[state=open]:animate-slide-in data-[state=closed]:animate-fade-out",
                "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0",
                "data-[swipe=end]:animate-fade-out",
                edge,
              )}
            >
              <Icon aria-hidden="true" className={cn("mt-0.5 size-5 shrink-0", icon)} />
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <ToastPrimitive.Title className="text-base font-semibold">{title}</ToastPrimitive.Title>
                {description && (
                  <ToastPrimitive.Description className="text-sm text-fg-muted">{description}</ToastPrimitive.Description>
                )}
              </div>
              <ToastPrimitive.Close
                aria-label="Dismiss notification"
                className={cn(
                  "inline-flex size-9 shrink-0 cursor-pointer items-center justify-center rounded-md",
                  "text-fg-muted hover:bg-surface-muted hover:text-fg",
                )}
              >
                <X aria-hidden="true" className="size-4" />
              </ToastPrimitive.Close>
            </ToastPrimitive.Root>
          );
        })}
        <ToastPrimitive.Viewport
          className="no-print fixed right-0 bottom-0 z-100 m-0 flex w-full max-w-md list-none flex-col gap-2 p-4"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

/** `const { toast } = useToast(); toast({ title: "Request saved", tone: "healthy" })`. Needs <ToastProvider> above. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() must be used inside <ToastProvider>.");
  return api;
}
