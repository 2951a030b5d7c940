"use client";
// Client-side providers for every page: React Query and toasts.
import { QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { config as zodConfig } from "zod/v4/core";
import { ToastProvider } from "@/components/ui/toast";
import { createQueryClient } from "@/lib/query/query-client";

// zod compiles fast parsers with `new Function` when it may; under the nonce CSP (no 'unsafe-eval', ADR
// 004) the probe would only be refused and reported as a violation, so it is told not to try. The setting
// lives in zod's core, which the classic `z` shares: importing `config` from there keeps the rest of zod out
// of pages that validate nothing in the browser.
zodConfig({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
