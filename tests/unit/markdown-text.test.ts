import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText, safeUrl } from "@/components/tasks/markdown-text";

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

describe("agent markdown", () => {
  it("does not turn a javascript: link into a link", () => {
    const html = render("[Click me](javascript:alert(document.cookie)) and [x](JaVaScRiPt:alert(1))");
    expect(html).not.toContain("<a");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain("Click me");
  });

  it("refuses data:, vbscript: and relative links, which would run script or point into Bureau", () => {
    for (const href of [
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "/settings/api-keys",
      "//evil.example/x",
    ]) {
      expect(render(`[go](${href})`), href).not.toContain("<a");
    }
  });

  it("opens web and mail links in a new tab, without referrer or ranking credit", () => {
    const html = render("See [the docs](https://example.com/a?b=1) or <mailto:team@example.com>.");
    expect(html).toContain('href="https://example.com/a?b=1"');
    expect(html).toContain('href="mailto:team@example.com"');
    expect(html.match(/target="_blank"/g)).toHaveLength(2);
    expect(html.match(/rel="noopener noreferrer nofollow"/g)).toHaveLength(2);
  });

  it("never loads an image: https images become links, others plain text", () => {
    const html = render("![chart](https://cdn.example/chart.png) ![pixel](http://tracker.example/p.gif)");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://cdn.example/chart.png"');
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("Image: pixel");
  });

  it("shows raw HTML as text, never as markup", () => {
    const html = render('Hello <script>alert(1)</script> <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("renders GitHub tables inside a scrolling box, and code blocks", () => {
    const html = render("| Market | Share |\n| --- | ---: |\n| Nordics | 41% |\n\n```ts\nconst x = 1;\n```");
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*"><table/);
    expect(html).toContain("<td");
    expect(html).toContain("Nordics");
    expect(html).toMatch(/<pre class="[^"]*overflow-x-auto/);
    expect(html).toContain("const x = 1;");
  });

  it("keeps the URL policy in one function", () => {
    expect(safeUrl("https://example.com/x", "href", undefined as never)).toBe("https://example.com/x");
    expect(safeUrl(" javascript:alert(1)", "href", undefined as never)).toBe("");
    expect(safeUrl("http://example.com/i.png", "src", undefined as never)).toBe("");
    expect(safeUrl("https://example.com/i.png", "src", undefined as never)).toBe("https://example.com/i.png");
  });
});
