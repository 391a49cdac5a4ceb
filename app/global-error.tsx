"use client";

import { useEffect } from "react";
import { THEME_STORAGE_KEY } from "@/components/providers/theme-provider";
import { ErrorPanel } from "@/components/ui/route-states";
import "./globals.css";

/**
 * The root layout itself failed, so this page is the whole document: it
 * brings its own <html>, the global styles and the stored theme (the theme
 * provider lived in the layout that failed).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    let choice: string | null = null;
    try {
      choice = localStorage.getItem(THEME_STORAGE_KEY);
    } catch {
      choice = null;
    }
    const dark = choice === "dark" || (choice !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  }, []);
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">
        <title>Something went wrong · Bureau</title>
        <main className="flex min-h-screen items-center">
          <ErrorPanel error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
