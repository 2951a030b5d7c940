import { NextResponse } from "next/server";
import { apiRoute, authenticate } from "@/lib/api/handler";
import { listMembers } from "@/lib/teams/teams.server";

export const GET = apiRoute<{ slug: string }>(async (request, { params }) => {
  const actor = await authenticate(request);
  const members = await listMembers(actor, params.slug);
  return NextResponse.json({
    members: members.map((member) => ({ id: member.id, role: member.role, joinedAt: member.createdAt.toISOString(), user: member.user })),
  });
});
