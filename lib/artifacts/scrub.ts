// Credentials never leave in an error: every message a Git server, a provider API or a library produced is
// passed through here before it is stored, returned or logged. Removes the secrets themselves, their
// base64 basic-auth forms, and any user:password@ in URLs. Pure.

const MIN_SECRET_LENGTH = 4;

export function scrubSecrets(message: string, secrets: readonly (string | null | undefined)[], usernames: readonly (string | null | undefined)[] = []): string {
  let text = message.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, "$1***@");
  const values = secrets.filter((value): value is string => typeof value === "string" && value.length >= MIN_SECRET_LENGTH);
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(encodeURIComponent(value));
    forms.add(Buffer.from(value).toString("base64"));
  }
  // Basic-auth headers carry base64(user:password).
  const users = [...usernames.filter((name): name is string => typeof name === "string"), ...values];
  for (const user of users) for (const password of values) forms.add(Buffer.from(`${user}:${password}`).toString("base64"));
  for (const form of [...forms].sort((a, b) => b.length - a.length)) text = text.split(form).join("***");
  return text.replace(/(authorization:\s*(?:basic|bearer|token)\s+)\S+/gi, "$1***");
}
