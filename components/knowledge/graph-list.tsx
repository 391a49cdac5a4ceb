import Link from "next/link";
import type { Neighbourhood } from "./knowledge-types";

/** The neighbourhood as a list, hop by hop: what the explorer shows, for narrow screens. */
export function GraphList({ graph }: { graph: Neighbourhood }) {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const hops = [...new Set(graph.nodes.map((n) => n.depth))].filter((d) => d > 0).sort((a, b) => a - b);
  return (
    <div className="grid gap-4" data-testid="graph-list">
      {hops.map((hop) => (
        <section key={hop} className="grid gap-2">
          <h3 className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
            {hop === 1 ? "Directly related" : `${hop} steps away`}
          </h3>
          <ul className="grid gap-2">
            {graph.nodes
              .filter((n) => n.depth === hop)
              .map((n) => (
                <li key={n.id} className="grid gap-1 rounded-lg border bg-card px-3 py-2">
                  <Link href={`/knowledge/${n.id}`} className="font-medium break-words hover:underline">
                    {n.name}
                  </Link>
                  <span className="text-xs text-muted-foreground">{n.type}</span>
                  <ul className="grid gap-0.5 text-xs text-muted-foreground">
                    {graph.edges
                      .filter((e) => e.fromId === n.id || e.toId === n.id)
                      .map((e) => (
                        <li key={e.id} className="break-words">
                          {names.get(e.fromId)} {e.type.replace(/_/g, " ")} {names.get(e.toId)}
                        </li>
                      ))}
                  </ul>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
