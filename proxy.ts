// Runs before every page: gives the response its Content-Security-Policy with a fresh nonce (Next puts the
// nonce on its own scripts when it finds it in the request's CSP header; the root layout puts it on the
// theme script), and sends signed-out visitors of portal pages to sign-in. Authorization proper lives in
// the data layer; the redirect only spares them a page that would redirect anyway.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { PAGE_BODY_LIMIT_BYTES, declaresTooLarge } from "@/lib/api/body";
import { env } from "@/lib/env";
import { unreadablePath } from "@/lib/security/unreadable-path";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/content-security-policy";

/** Pages anyone may see: no session needed. */
const publicPage = /^\/(?:sign-in|sign-out)(?:\/|$)/;

export async function proxy(request: NextRequest) {
  if (unreadablePath(request.nextUrl.pathname)) return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  // Server actions and page posts: refused on their declared size here; a streamed body is buffered only up
  // to proxyClientMaxBodySize (next.config.js), and server actions stop at their own bodySizeLimit.
  if (request.method !== "GET" && request.method !== "HEAD" && declaresTooLarge(request.headers, PAGE_BODY_LIMIT_BYTES)) {
    return new NextResponse("The body is too large", { status: 413, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
  }
  if (!publicPage.test(request.nextUrl.pathname)) {
    const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
    if (!token) {
      const signIn = new URL("/sign-in", request.url);
      const target = request.nextUrl.pathname + request.nextUrl.search;
      if (target !== "/") signIn.searchParams.set("callbackUrl", target);
      return NextResponse.redirect(signIn);
    }
  }
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy(nonce, { development: env().NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page: not the API (it answers 401 itself and has its own CSP), Next's assets or public files.
  matcher: ["/((?!api/|metrics|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
