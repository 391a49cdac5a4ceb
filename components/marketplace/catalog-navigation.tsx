"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useOptimistic,
  useRef,
  useTransition,
  type ComponentProps,
  type MouseEvent,
  type ReactNode,
} from "react";
import { cn } from "@/components/ui/cn";
import { catalogHref, type CatalogValues } from "./catalog-params";

interface CatalogNavigation {
  /** The URL's values: the one being loaded while a change is on its way (so a ticked box stays ticked). */
  values: CatalogValues;
  /** True while a new URL's results are on their way. */
  pending: boolean;
  /** Pushes the current URL with `changes` (a new history entry, so Back undoes it). */
  update: (changes: Partial<CatalogValues>) => void;
  go: (href: string) => void;
}

const Context = createContext<CatalogNavigation | null>(null);

export function useCatalogNavigation(): CatalogNavigation {
  const value = use(Context);
  if (!value) throw new Error("useCatalogNavigation must be used inside <CatalogNavigationProvider>");
  return value;
}

/**
 * The marketplace's URL is its state: controls push a new URL and the server
 * renders the results for it. Changes made while one is still loading build
 * on it, not on the page shown.
 */
export function CatalogNavigationProvider({ values, children }: { values: CatalogValues; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [shown, show] = useOptimistic(values);
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  // Once a link away from the marketplace is followed (an agent tile), a search still waiting for
  // typing to pause must not pull the visitor back here.
  const leaving = useRef(false);
  useEffect(() => {
    leaving.current = false;
    const onClick = (event: globalThis.MouseEvent) => {
      // A new tab (modifier keys, middle button, target) leaves nothing.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[href]") : null;
      if (!link || (link.target && link.target !== "_self")) return;
      if (new URL(link.href, window.location.href).pathname !== pathname) leaving.current = true;
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [pathname]);
  const go = useCallback((href: string) => startTransition(() => router.push(href, { scroll: false })), [router]);
  const update = useCallback(
    (changes: Partial<CatalogValues>) => {
      if (leaving.current) return;
      const next = { ...latest.current, ...changes };
      latest.current = next;
      startTransition(() => {
        show(next);
        router.push(catalogHref(next, {}, [], pathname), { scroll: false });
      });
    },
    [pathname, router, show],
  );
  return <Context value={{ values: shown, pending, update, go }}>{children}</Context>;
}

/** Results dim while the next URL's results load. */
export function CatalogPending({ className, ...props }: ComponentProps<"div">) {
  const { pending } = useCatalogNavigation();
  return (
    <div
      aria-busy={pending || undefined}
      className={cn("transition-opacity", pending && "opacity-60", className)}
      {...props}
    />
  );
}

/** A real link (new tab, no JavaScript) that navigates inside the marketplace's transition. */
export function CatalogLink({ href, onClick, ...props }: ComponentProps<typeof Link> & { href: string }) {
  const { go } = useCatalogNavigation();
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    go(href);
  };
  return <Link href={href} scroll={false} onClick={click} {...props} />;
}
