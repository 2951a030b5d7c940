import type { Metadata } from "next";
import { rolesByDomain } from "@/lib/agents/registry";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { RoleCatalog, type CatalogGroup } from "./_components/role-catalog";
import { CollaborationMap } from "./_components/collaboration-map";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePageActor();
  const { q } = await searchParams;
  // Only plain data crosses to the client: the schemas and form functions stay on the server.
  const groups: CatalogGroup[] = rolesByDomain().map((group) => ({
    domain: group.domain,
    title: group.title,
    roles: group.roles.map((role) => ({
      key: role.key,
      title: role.title,
      mission: role.mission,
      responsibilities: role.responsibilities,
      targets: role.targets,
    })),
  }));
  return (
    <>
      <PageHeader
        title="Specialist roles"
        description="Ten specialists your team can ask for help. Pick one to see what it does and who it works with, then start a request with its requirements form."
      />
      <RoleCatalog groups={groups} initialQuery={typeof q === "string" ? q : ""} />
      <CollaborationMap />
    </>
  );
}
