// Team-scoped API tokens: create (secret shown once), list, revoke, and authenticate a Bearer header.
import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireTeamPermission, teamAccess } from "@/lib/auth/authorize";
import { recordAudit } from "@/lib/audit/audit.server";
import { ConflictError, NotFoundError, parseOrThrow } from "@/lib/errors";
import { createTokenSchema, revokeTokenSchema, type CreateTokenInput } from "@/lib/tokens/schema";
import { generateTokenSecret, hashToken, looksLikeToken, tokenDisplayPrefix } from "@/lib/tokens/token";

const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per token, so busy clients do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenStatus = "active" | "expired" | "revoked";

export function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt <= now) return "expired";
  return "active";
}

/** Creates a token for a team. Returns the secret once; only its hash is stored. */
export async function createToken(actor: Actor, teamSlug: string, input: CreateTokenInput, now = new Date()) {
  const data = parseOrThrow(createTokenSchema, input);
  const secret = generateTokenSecret();
  const db = getDb();
  const token = await db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const created = await tx.apiToken.create({
      data: {
        teamId: access.team.id,
        name: data.name,
        tokenHash: hashToken(secret),
        prefix: tokenDisplayPrefix(secret),
        createdById: actor.userId,
        expiresAt: data.expiresInDays ? new Date(now.getTime() + data.expiresInDays * DAY_MS) : null,
      },
    });
    await recordAudit(tx, actor, {
      action: "token.created",
      teamId: access.team.id,
      targetType: "api_token",
      targetId: created.id,
      details: { name: created.name, prefix: created.prefix, expiresAt: created.expiresAt?.toISOString() ?? null },
    });
    return created;
  });
  return { token, secret };
}

/** The team's tokens, newest first, without hashes. */
export async function listTokens(actor: Actor, teamSlug: string) {
  const db = getDb();
  const { team } = await teamAccess(db, actor, { slug: teamSlug });
  const tokens = await db.apiToken.findMany({
    where: { teamId: team.id },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true, name: true } } },
  });
  const now = new Date();
  return tokens.map((token) => ({ ...token, status: tokenStatus(token, now) }));
}

/** Revokes a token of the team. Revoking twice is a conflict, not a silent success. */
export async function revokeToken(actor: Actor, teamSlug: string, input: { tokenId: string }) {
  const data = parseOrThrow(revokeTokenSchema, input);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const access = await requireTeamPermission(tx, actor, { slug: teamSlug }, "manage");
    const token = await tx.apiToken.findFirst({ where: { id: data.tokenId, teamId: access.team.id } });
    if (!token) throw new NotFoundError("Token");
    if (token.revokedAt) throw new ConflictError("This token is already revoked");
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: "token.revoked",
      teamId: access.team.id,
      targetType: "api_token",
      targetId: token.id,
      details: { name: token.name, prefix: token.prefix },
    });
    return revoked;
  });
}

/** The actor for a Bearer secret, or undefined when the token is unknown, revoked or expired. */
export async function authenticateToken(secret: string, now = new Date()): Promise<Actor | undefined> {
  if (!looksLikeToken(secret)) return undefined;
  const db = getDb();
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashToken(secret) } });
  if (!token || tokenStatus(token, now) !== "active") return undefined;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  return { kind: "token", tokenId: token.id, teamId: token.teamId, userId: token.createdById };
}
