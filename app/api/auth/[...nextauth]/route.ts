import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { AUTH_BODY_LIMIT_BYTES, readBodyText } from "@/lib/api/body";
import { errorToResponse } from "@/lib/api/errors";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// The options are built on first request (they read the validated settings), not at import.
function handler(request: NextRequest, context: Context) {
  return NextAuth(request as never, context as never, authOptions());
}

/**
 * Signed-out callers reach these posts, and next-auth would buffer any body whole: read at most a few KB
 * (413 past that, by declared or streamed size), then hand next-auth a request with the bytes read.
 */
async function post(request: NextRequest, context: Context) {
  let body: string;
  try {
    body = await readBodyText(request, AUTH_BODY_LIMIT_BYTES);
  } catch (error) {
    return errorToResponse(error);
  }
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return handler(new NextRequest(request.url, { method: "POST", headers, body }), context);
}

export { handler as GET, post as POST };
