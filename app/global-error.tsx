"use client";
// Last resort when the root layout itself fails: plain HTML, no app styles.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", color: "#0f172a" }}>
        <h1>The portal could not be loaded</h1>
        <p>It could not reach its database or hit an unexpected problem. Try again in a moment.</p>
        <button onClick={reset} style={{ padding: "0.5rem 1rem", fontSize: "1rem" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
