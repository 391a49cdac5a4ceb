import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPanel, errorDigest, NotFoundPanel } from "@/components/ui/route-states";

const secret = Object.assign(new Error('Invalid `prisma.agent.findFirst()` invocation: SELECT * FROM "Agent"'), {
  digest: "3105921846",
});

describe("error pages", () => {
  it("say a generic sentence, offer a retry and the digest, and never show the error's message", () => {
    const html = renderToStaticMarkup(
      createElement(ErrorPanel, {
        error: secret,
        retry: () => {},
        what: "Sell",
        back: { href: "/sell", label: "Back" },
      }),
    );
    expect(html).toContain("Something went wrong");
    expect(html).toContain("Sell could not be shown");
    expect(html).toContain("Try again");
    expect(html).toContain("3105921846");
    expect(html).toContain('href="/sell"');
    expect(html).not.toMatch(/prisma|invocation|FROM "Agent"/i);
  });

  it("leave the reference out when there is no digest (a client-side error), whatever was thrown", () => {
    for (const thrown of [new Error("TypeError: x is undefined"), "a string", null, { digest: 42 }]) {
      const html = renderToStaticMarkup(createElement(ErrorPanel, { error: thrown, retry: () => {} }));
      expect(html).not.toContain("Reference");
      expect(html).not.toContain("undefined");
      expect(html).toContain("This page could not be shown");
    }
    expect(errorDigest({ digest: "" })).toBeNull();
  });

  it("not-found pages offer the ways out they are given", () => {
    const html = renderToStaticMarkup(
      createElement(NotFoundPanel, { places: [{ href: "/marketplace", label: "Browse the marketplace" }] }),
    );
    expect(html).toContain("Page not found");
    expect(html).toContain('href="/marketplace"');
  });
});
