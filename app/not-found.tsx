import Link from "next/link";
import { SearchX } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <div className="flex max-w-lg flex-col items-center gap-4 text-center">
        <SearchX aria-hidden="true" className="size-12 text-fg-muted" />
        <h1 className="text-2xl font-semibold">Not found</h1>
        <p className="text-lg text-fg-muted">This page does not exist, or it belongs to a team you are not in.</p>
        <Link href="/" className={buttonVariants()}>
          Go home
        </Link>
      </div>
    </main>
  );
}
