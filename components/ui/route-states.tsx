"use client";

import { Compass, RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect, type ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { CopyButton } from "./copy-button";

/** Next.js gives server errors a digest (the id in the server log); client errors have none. */
export function errorDigest(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" && error.digest ? error.digest : null;
}

interface Place {
  href: string;
  label: string;
}

function Frame(props: { icon: ReactNode; title: string; children: ReactNode; className?: string; testId: string }) {
  return (
    <div
      className={cn("mx-auto flex w-full max-w-md flex-col items-center gap-4 px-4 py-16 text-center", props.className)}
      data-testid={props.testId}
    >
      <div
        aria-hidden="true"
        className="flex size-12 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-6"
      >
        {props.icon}
      </div>
      <h1 className="text-xl font-semibold tracking-tight text-balance">{props.title}</h1>
      {props.children}
    </div>
  );
}

/**
 * What an error boundary shows: one generic sentence (the error's own message
 * can carry internals and is never shown), a retry, the way back, and the
 * digest to quote to support.
 */
export function ErrorPanel(props: {
  error: unknown;
  retry: () => void;
  /** "this page" or a section, e.g. "Sell". */
  what?: string;
  back?: Place;
  className?: string;
}) {
  const digest = errorDigest(props.error);
  useEffect(() => {
    // The browser console gets the value (in production Next.js has already replaced server messages).
    console.error(props.error);
  }, [props.error]);
  return (
    <Frame icon={<TriangleAlert />} title="Something went wrong" className={props.className} testId="error-page">
      <p className="text-sm text-pretty text-muted-foreground">
        {props.what ? `${props.what} could not be shown` : "This page could not be shown"} because of a problem on our
        side. Try again; if it keeps happening, contact support and quote the reference below.
      </p>
      {digest ? (
        <p className="flex items-center gap-1 text-xs text-muted-foreground">
          Reference <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground">{digest}</code>
          <CopyButton value={digest} label="Copy the reference" size="icon" />
        </p>
      ) : null}
      <div className="flex flex-wrap justify-center gap-2">
        <Button onClick={props.retry}>
          <RotateCcw aria-hidden />
          Try again
        </Button>
        {props.back ? (
          <Button asChild variant="outline">
            <Link href={props.back.href}>{props.back.label}</Link>
          </Button>
        ) : null}
      </div>
    </Frame>
  );
}

/** A page or record that does not exist (or is not the visitor's to see). */
export function NotFoundPanel(props: { title?: string; description?: string; places: Place[]; className?: string }) {
  return (
    <Frame
      icon={<Compass />}
      title={props.title ?? "Page not found"}
      className={props.className}
      testId="not-found-page"
    >
      <p className="text-sm text-pretty text-muted-foreground">
        {props.description ?? "Nothing lives at this address. It may have moved, or the link may be mistyped."}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {props.places.map((place, i) => (
          <Button key={place.href} asChild variant={i === 0 ? "default" : "outline"}>
            <Link href={place.href}>{place.label}</Link>
          </Button>
        ))}
      </div>
    </Frame>
  );
}
