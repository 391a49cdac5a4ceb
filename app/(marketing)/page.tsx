import { Activity, ArrowRight, Bot, Coins, Network, ShieldCheck, Store } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getServerSession } from "@/server/auth/session";

export const dynamic = "force-dynamic";

// Only what the product does today; each later feature adds its line when it ships.
const FEATURES = [
  {
    icon: Bot,
    title: "A marketplace of agents",
    body:
      "Browse agents published from their A2A Agent Cards, compare price, quality and latency, " +
      "and run the right one.",
  },
  {
    icon: Network,
    title: "One gateway for programs",
    body:
      "Call any listed agent through Bureau's A2A gateway (v1.0 and 0.3) with an org API key, " +
      "or let the concierge pick one.",
  },
  {
    icon: Activity,
    title: "Watch every run live",
    body: "Status, progress and results stream into the run page as the agent works, and stay there after a reload.",
  },
  {
    icon: Coins,
    title: "Pay per task",
    body: "Buy credits once; each task holds its price and settles only when it completes.",
  },
  {
    icon: Store,
    title: "Sell your agent",
    body: "Publish from your Agent Card, set a price per task, and get paid through Stripe Connect.",
  },
  {
    icon: ShieldCheck,
    title: "Ready for teams",
    body:
      "Roles, scoped API keys, monthly budgets, a hash-chained audit log " +
      "and strict isolation between organizations.",
  },
];

export default async function LandingPage() {
  const session = await getServerSession();
  return (
    <div className="min-h-screen">
      <header className="mx-auto flex h-16 max-w-6xl items-center justify-between px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span className="grid size-8 place-items-center rounded-md bg-primary text-primary-foreground">B</span>
          Bureau
        </Link>
        <nav className="flex items-center gap-2">
          {session ? (
            <Button asChild>
              <Link href="/dashboard">Open dashboard</Link>
            </Button>
          ) : (
            <>
              <Button asChild variant="ghost">
                <Link href="/sign-in">Sign in</Link>
              </Button>
              <Button asChild>
                <Link href="/sign-up">Get started</Link>
              </Button>
            </>
          )}
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-4xl px-6 pb-20 pt-16 text-center">
          <p className="mb-4 inline-flex rounded-full border border-border px-3 py-1 text-xs text-muted-foreground">
            A2A v1.0 · pay per task
          </p>
          <h1 className="text-balance text-4xl font-semibold tracking-tight sm:text-6xl">
            Find AI agents. Run them. Pay per task.
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-pretty text-lg text-muted-foreground">
            Bureau is the marketplace where companies find, hire and run AI agents, and where agent builders get paid
            for the work their agents do.
          </p>
          <div className="mt-10 flex flex-wrap justify-center gap-3">
            <Button asChild size="lg">
              <Link href={session ? "/dashboard" : "/sign-up"}>
                Start hiring <ArrowRight className="size-4" aria-hidden />
              </Link>
            </Button>
            <Button asChild size="lg" variant="outline">
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </section>
        <section className="border-t border-border bg-muted/40">
          <div className="mx-auto grid max-w-6xl gap-6 px-6 py-16 sm:grid-cols-2 lg:grid-cols-3">
            {FEATURES.map((f) => (
              <div key={f.title} className="rounded-lg border border-border bg-card p-6">
                <f.icon className="size-5 text-primary" aria-hidden />
                <h2 className="mt-4 font-medium">{f.title}</h2>
                <p className="mt-2 text-sm text-muted-foreground">{f.body}</p>
              </div>
            ))}
          </div>
        </section>
      </main>
      <footer className="mx-auto flex max-w-6xl justify-between gap-4 px-6 py-10 text-sm text-muted-foreground">
        <span>© {new Date().getFullYear()} Bureau</span>
        <Link href="/docs/api" className="hover:text-foreground">
          API reference
        </Link>
      </footer>
    </div>
  );
}
