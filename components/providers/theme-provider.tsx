"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

/** Where the choice is kept (localStorage); the global error page reads it too, outside the provider. */
export const THEME_STORAGE_KEY = "bureau-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEMES)[number];

/**
 * Light, dark or the system's setting, as a `dark` class on <html> (the
 * tokens in app/globals.css switch on it). next-themes writes a small script
 * into the server HTML that applies the stored choice before first paint, so
 * a reload never flashes the other theme.
 */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      storageKey={THEME_STORAGE_KEY}
    >
      {children}
    </NextThemesProvider>
  );
}
