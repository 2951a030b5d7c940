import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown/comment-markdown";

describe("Markdown from people", () => {
  it("renders GitHub-flavoured Markdown", () => {
    const html = renderToStaticMarkup(<Markdown>{"**bold** and `code`\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |"}</Markdown>);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain('type="checkbox"');
    expect(html).toContain("<table>");
  });

  it("never renders raw HTML, scripts or script links", () => {
    const html = renderToStaticMarkup(
      <Markdown>{'<script>alert(1)</script><img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) [data](data:text/html,hi) [ok](https://example.com)'}</Markdown>,
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("data:text");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });
});
