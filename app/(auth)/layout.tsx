import type { ReactNode } from "react";
import { Boxes } from "lucide-react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex items-center justify-center gap-3 text-2xl font-semibold">
          <Boxes aria-hidden="true" className="size-8 text-accent" />
          Platform Portal
        </div>
        {children}
      </div>
    </main>
  );
}
