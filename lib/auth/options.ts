// next-auth (v4) configuration: email + password always; OIDC and GitHub when their settings are present.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkCredentials } from "@/lib/auth/credentials.server";

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

/** The sign-in providers switched on by configuration, for the sign-in page's buttons. */
export function externalProviders(): { id: string; name: string }[] {
  const settings = env();
  const list: { id: string; name: string }[] = [];
  if (settings.OIDC_ISSUER && settings.OIDC_CLIENT_ID && settings.OIDC_CLIENT_SECRET) list.push({ id: "oidc", name: settings.OIDC_NAME });
  if (settings.GITHUB_ID && settings.GITHUB_SECRET) list.push({ id: "github", name: "GitHub" });
  return list;
}

function providers(): Provider[] {
  const settings = env();
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const result = await checkCredentials(credentials);
        // next-auth passes a thrown message to the sign-in form; it is one of two fixed sentences.
        if (!result.ok) throw new Error(result.message);
        return result.user;
      },
    }),
  ];
  if (settings.OIDC_ISSUER && settings.OIDC_CLIENT_ID && settings.OIDC_CLIENT_SECRET) {
    list.push({
      id: "oidc",
      name: settings.OIDC_NAME,
      type: "oauth",
      wellKnown: new URL("/.well-known/openid-configuration", settings.OIDC_ISSUER.endsWith("/") ? settings.OIDC_ISSUER : `${settings.OIDC_ISSUER}/`).toString(),
      clientId: settings.OIDC_CLIENT_ID,
      clientSecret: settings.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email: string; name?: string; picture?: string }) {
        return { id: profile.sub, email: profile.email.toLowerCase(), name: profile.name ?? profile.email, image: profile.picture ?? null };
      },
    });
  }
  if (settings.GITHUB_ID && settings.GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: settings.GITHUB_ID, clientSecret: settings.GITHUB_SECRET }));
  }
  return list;
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    // The adapter links OIDC/GitHub accounts to users; sessions stay JWTs so credentials work too.
    adapter: PrismaAdapter(getDb() as never),
    providers: providers(),
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", signOut: "/sign-out", error: "/sign-in" },
    callbacks: {
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
