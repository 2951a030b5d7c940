// Constant-time comparisons for the deployment webhook adapters (GitHub HMAC, GitLab and Argo CD shared secrets).
import { createHmac, timingSafeEqual } from "node:crypto";

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const hmacSha256Hex = (secret: string, body: Buffer) => createHmac("sha256", secret).update(body).digest("hex");
