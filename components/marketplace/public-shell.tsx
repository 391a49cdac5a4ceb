"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { authHref } from "@/components/auth/safe-next";
import { Button } from "@/components/ui/button";

/** The page being read, so signing in (or up) from here comes back to it. */
function useHere(): string {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * The frame of public pages for visitors without an organization (signed
 * out, or signed up but not set up yet): the brand, the marketplace, and a
 * way in that returns to this page.
 */
export function PublicShell({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const here = useHere();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border">
        <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-3 px-4 md:px-8">
          <div className="flex min-w-0 items-center gap-4">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
              <span className="grid size-7 place-items-center rounded-md bg-primary text-sm text-primary-foreground">
                B
              </span>
              Bureau
            </Link>
            <nav aria-label="Main" className="hidden sm:block">
              <Link href="/marketplace" className="text-sm text-muted-foreground hover:text-foreground">
                Marketplace
              </Link>
            </nav>
          </div>
          <nav aria-label="Account" className="flex shrink-0 items-center gap-1">
            {signedIn ? (
              <Button asChild size="sm">
                <Link href={`/onboarding?next=${encodeURIComponent(here)}`}>Create your organization</Link>
              </Button>
            ) : (
              <>
                <Button asChild variant="ghost" size="sm">
                  <Link href={authHref("/sign-in", here)}>Sign in</Link>
                </Button>
                <Button asChild size="sm">
                  <Link href={authHref("/sign-up", here)}>Get started</Link>
                </Button>
              </>
            )}
          </nav>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-8">{children}</main>
    </div>
  );
}
