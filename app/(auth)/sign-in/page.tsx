import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { externalProviders } from "@/lib/auth/options";
import { getSessionActor } from "@/lib/auth/session";
import { demoMode } from "@/lib/env";
import { DEMO_PASSWORD, demoUsers } from "@/lib/demo/seed";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionActor()) redirect(callbackUrl);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>Use your work email and password.</CardDescription>
      </CardHeader>
      <CardContent>
        <SignInForm callbackUrl={callbackUrl} providers={externalProviders()} initialError={params.error} />
        {demoMode() && (
          <div className="mt-6 rounded-md border border-border bg-surface-muted p-4 text-sm" data-testid="demo-hint">
            <p className="font-medium">Demo organisation</p>
            <p className="mt-1 text-fg-muted">
              Sign in as <code className="font-mono text-fg">{demoUsers[0].email}</code> (owner), or maintainer@, member@ or viewer@demo.local, with the
              password <code className="font-mono text-fg">{DEMO_PASSWORD}</code>.
            </p>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
