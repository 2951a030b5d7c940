// themeScript: inline <head> JS that applies the saved theme before first paint, so dark mode never flashes white.
// It lives outside theme-toggle.tsx because a "use client" module's exports reach server code as references, not strings.

export type ThemePreference = "light" | "dark" | "system";

/** localStorage key and cookie name; the cookie lets the server render <html class="dark"> itself. */
export const THEME_STORAGE_KEY = "portal-theme";

/**
 * Use in the root layout:
 *   <html lang="en" suppressHydrationWarning>
 *     <head><script dangerouslySetInnerHTML={{ __html: themeScript }} /></head>
 * Reads localStorage, then the cookie; "system" (or nothing) follows the OS setting.
 */
export const themeScript = `(function () {
  try {
    var key = ${JSON.stringify(THEME_STORAGE_KEY)};
    var preference = null;
    try { preference = localStorage.getItem(key); } catch (e) {}
    if (preference !== "light" && preference !== "dark" && preference !== "system") {
      var match = document.cookie.match(/(?:^|;\\s*)${THEME_STORAGE_KEY}=(light|dark|system)/);
      preference = match ? match[1] : "system";
    }
    var dark = preference === "dark" ||
      (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    var root = document.documentElement;
    root.classList.toggle("dark", dark);
    root.style.colorScheme = dark ? "dark" : "light";
  } catch (e) {}
})();`;
