"use client";
// The friendly error page: shown when a page cannot be rendered, e.g. while the database is unreachable.
import { RefreshCw, ServerCrash } from "lucide-react";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div className="flex max-w-lg flex-col items-center gap-4 text-center">
        <ServerCrash aria-hidden="true" className="size-12 text-critical" />
        <h1 className="text-2xl font-semibold">This page could not be loaded</h1>
        <p className="text-lg text-fg-muted">
          The portal could not reach its database or hit an unexpected problem. Nothing you entered was lost. Try again in a moment; if it keeps
          happening, check <a href="/api/health">the health endpoint</a>.
        </p>
        {error.digest && <p className="text-sm text-fg-muted">Reference: {error.digest}</p>}
        <Button onClick={reset}>
          <RefreshCw aria-hidden="true" /> Try again
        </Button>
      </div>
    </main>
  );
}
