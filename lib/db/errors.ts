// Recognises database errors that mean a user's mistake rather than a fault.
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint was violated (Prisma P2002, or PostgreSQL 23505 through the adapter). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
}
