"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";
import { useTheme } from "next-themes";
import { useMemo } from "react";

/*
 * Why Scalar: it renders OpenAPI 3.1 as it is (no downgrade to 3.0), ships
 * as one npm bundle with its request client (nothing from a CDN), and its
 * React wrapper is a thin mount. Everything that would call Scalar's own
 * services is off: telemetry, the AI agent, the MCP button, the webfonts
 * (the page uses the app's fonts), and the request proxy (requests go
 * straight from the browser to this same origin).
 */

/** Scalar's tokens mapped onto the app's (app/globals.css), so the reference reads as part of Bureau. */
const BRAND_CSS = `
.scalar-app, .light-mode, .dark-mode {
  --scalar-font: var(--font-sans);
  --scalar-font-code: var(--font-mono);
  --scalar-radius: calc(var(--radius) - 2px);
  --scalar-radius-lg: var(--radius);
  --scalar-custom-header-height: 57px;
}
.light-mode, .dark-mode {
  --scalar-color-accent: var(--primary);
  --scalar-background-1: var(--background);
  --scalar-background-2: var(--muted);
  --scalar-border-color: var(--border);
  --scalar-color-1: var(--foreground);
  --scalar-color-2: var(--muted-foreground);
}
`;

export function ScalarReference({ documentUrl }: { documentUrl: string }) {
  const { resolvedTheme } = useTheme();
  const configuration = useMemo(
    () => ({
      url: documentUrl,
      theme: "default" as const,
      forceDarkModeState: resolvedTheme === "dark" ? ("dark" as const) : ("light" as const),
      hideDarkModeToggle: true,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: "never" as const,
      documentDownloadType: "json" as const,
      authentication: { preferredSecurityScheme: "apiKey" },
      defaultOpenAllTags: true,
      customCss: BRAND_CSS,
    }),
    [documentUrl, resolvedTheme],
  );
  return <ApiReferenceReact configuration={configuration} />;
}
