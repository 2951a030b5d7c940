// A request path that cannot be decoded as UTF-8, or that holds NUL, names nothing the portal stores. Next
// answers an undecodable API path with a bare 500 before any route code runs, so the server answers such
// paths with 404 itself (lib/observability/http.server.ts), and proxy.ts does the same for pages.

/** True when the path (without its query) is not valid percent-encoded UTF-8, or decodes to NUL. */
export function unreadablePath(pathname: string): boolean {
  try {
    return decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return true;
  }
}
