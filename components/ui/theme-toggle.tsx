"use client";
// ThemeToggle: light / dark / system buttons; saves the choice to localStorage and a cookie and applies it at once.
import { Monitor, Moon, Sun } from "lucide-react";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";
import { THEME_STORAGE_KEY, type ThemePreference } from "./theme-script";

const listeners = new Set<() => void>();
const darkQuery = () => window.matchMedia("(prefers-color-scheme: dark)");

function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === "light" || stored === "dark" || stored === "system") return stored;
  } catch {
    // Storage can be blocked (private mode, policies); fall back to the OS setting.
  }
  return "system";
}

function applyPreference(preference: ThemePreference) {
  const dark = preference === "dark" || (preference === "system" && darkQuery().matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
}

/** Saves and applies a theme; usable outside the toggle (e.g. a settings form). */
export function setThemePreference(preference: ThemePreference) {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Not fatal: the cookie below still remembers the choice.
  }
  document.cookie = `${THEME_STORAGE_KEY}=${preference}; path=/; max-age=31536000; samesite=lax`;
  applyPreference(preference);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  // Another tab changed the theme, or the OS switched while we follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyPreference(readPreference());
    notify();
  };
  const onSystemChange = () => {
    if (readPreference() === "system") applyPreference("system");
  };
  const query = darkQuery();
  window.addEventListener("storage", onStorage);
  query.addEventListener("change", onSystemChange);
  return () => {
    listeners.delete(notify);
    window.removeEventListener("storage", onStorage);
    query.removeEventListener("change", onSystemChange);
  };
}

/** The saved preference; `serverPreference` (e.g. from the cookie) is used while rendering on the server. */
export function useThemePreference(serverPreference: ThemePreference = "system"): ThemePreference {
  return useSyncExternalStore(subscribe, readPreference, () => serverPreference);
}

const options = [
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
  { value: "system", label: "System", Icon: Monitor },
] as const;

export type ThemeToggleProps = {
  /** The `portal-theme` cookie value read on the server, so the right button is pressed on first render. */
  initialPreference?: ThemePreference;
  /** Show the words next to the icons (they are always there for screen readers). */
  showLabels?: boolean;
  className?: string;
};

export function ThemeToggle({ initialPreference, showLabels = false, className }: ThemeToggleProps) {
  const preference = useThemePreference(initialPreference);
  return (
    <div
      role="group"
      aria-label="Colour theme"
      className={cn("inline-flex rounded-md border border-border-strong bg-surface p-0.5", className)}
    >
      {options.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={preference === value}
          title={showLabels ? undefined : `${label} theme`}
          onClick={() => setThemePreference(value)}
          className={cn(
            "inline-flex min-h-9 min-w-9 cursor-pointer items-center justify-center gap-2 rounded-sm px-2",
            "text-sm font-medium text-fg-muted",
            "hover:bg-surface-muted hover:text-fg aria-pressed:bg-accent aria-pressed:text-accent-fg",
          )}
        >
          <Icon aria-hidden="true" className="size-4" />
          <span className={showLabels ? undefined : "sr-only"}>{label}</span>
        </button>
      ))}
    </div>
  );
}
