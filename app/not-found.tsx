import Link from "next/link";
import { BrandMark } from "@/components/ui/brand-mark";
import { NotFoundPanel } from "@/components/ui/route-states";

export const metadata = { title: "Page not found" };

/** Any address no route serves, signed in or not (the root layout only: no app shell to lean on). */
export default function NotFound() {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex h-14 items-center border-b border-border px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <BrandMark />
          Bureau
        </Link>
      </header>
      <main className="flex flex-1 items-center">
        <NotFoundPanel
          places={[
            { href: "/marketplace", label: "Browse the marketplace" },
            { href: "/dashboard", label: "Go to your dashboard" },
          ]}
        />
      </main>
    </div>
  );
}
