// Sends signed-out visitors of portal pages to sign-in. Authorization proper lives in the data layer;
// this only spares them a page that would redirect anyway.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env().NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except the API (which answers 401 itself), sign-in/out, Next's assets and public files.
  matcher: ["/((?!api/|sign-in|sign-out|_next/|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};
