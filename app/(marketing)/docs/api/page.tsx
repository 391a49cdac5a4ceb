import { FileJson, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { authHref } from "@/components/auth/safe-next";
import { Button } from "@/components/ui/button";
import { BrandMark } from "@/components/ui/brand-mark";
import { getServerSession } from "@/server/auth/session";
import { ApiReference } from "./api-reference";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "API reference",
  description: "Bureau's REST API for programs: the agent catalog, workflows and runs, approvals and the event log.",
};

/** The generated OpenAPI document (server/rest/v1.ts), also offered as a download. */
const DOCUMENT_URL = "/api/v1/openapi.json";

/**
 * /docs/api: the REST reference, rendered by Scalar from the same document
 * programs fetch. Public; a signed-in member gets the way back to the app
 * and to API keys instead of the sign-in buttons.
 */
export default async function ApiReferencePage() {
  const session = await getServerSession();
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-50 h-[57px] border-b border-border bg-background/95 backdrop-blur">
        <div className="flex h-14 items-center justify-between gap-3 px-4 md:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
              <BrandMark />
              <span className="hidden sm:inline">Bureau</span>
            </Link>
            <span className="text-border" aria-hidden>
              /
            </span>
            {/* The reference's own title is the page's h1. */}
            <span className="truncate text-sm font-medium">API reference</span>
          </div>
          <nav aria-label="Developer" className="flex shrink-0 items-center gap-1">
            <Button asChild variant="ghost" size="sm">
              <a href={DOCUMENT_URL} download="bureau-openapi.json" title="The OpenAPI 3.1 document">
                <FileJson aria-hidden /> <span className="hidden sm:inline">OpenAPI</span>
              </a>
            </Button>
            {session ? (
              <Button asChild size="sm">
                <Link href="/settings/api-keys">
                  <KeyRound aria-hidden /> API keys
                </Link>
              </Button>
            ) : (
              <Button asChild size="sm">
                <Link href={authHref("/sign-in", "/settings/api-keys")}>Get an API key</Link>
              </Button>
            )}
          </nav>
        </div>
      </header>
      <main>
        <ApiReference documentUrl={DOCUMENT_URL} />
      </main>
    </div>
  );
}
