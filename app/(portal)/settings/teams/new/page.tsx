import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  await requirePageActor();
  return (
    <>
      <PageHeader title="Create a team" description="You become its owner, and it becomes your current team." />
      <Card className="max-w-2xl">
        <CardContent className="pt-6">
          <CreateTeamForm />
        </CardContent>
      </Card>
    </>
  );
}
