// Full-screen pages (meeting mode): signed in, without the portal's navigation around them.
import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/auth/session";

export default async function PresentLayout({ children }: { children: ReactNode }) {
  await requirePageActor();
  return children;
}
