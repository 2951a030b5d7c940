// The pages' Content-Security-Policy: scripts only with this response's nonce (and what they load, through
// 'strict-dynamic'), no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': mermaid writes style
// attributes and <style> into its SVG, and React renders style attributes. See ADR 004.

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function pageContentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  const development = options.development ?? false;
  return [
    "default-src 'self'",
    // 'self' is ignored by browsers that understand 'strict-dynamic' and kept for those that do not.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
