"use client";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <div className="flex gap-3">
      <Button
        size="lg"
        loading={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in" });
        }}
      >
        Sign out
      </Button>
      <Button size="lg" variant="secondary" onClick={() => history.back()}>
        Stay signed in
      </Button>
    </div>
  );
}
