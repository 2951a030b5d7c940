// Only same-site paths may be returned to after sign-in, never another origin.
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value.startsWith("/sign-in") || value.startsWith("/sign-out") || value.startsWith("/api/")) return "/";
  return value;
}
