import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { highlight } from "./knowledge-format";
import type { SearchResult } from "./knowledge-types";
import { ProvenanceLine } from "./provenance-line";
import { ScopeBadge } from "./scope-badge";

const ARM_LABELS: Record<string, string> = {
  name: "name",
  entityText: "words",
  entityTrigram: "similar spelling",
  observationText: "words in a fact",
  observationTrigram: "similar spelling in a fact",
  vector: "meaning",
};

function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((piece, i) =>
        piece.match ? (
          <mark key={i} className="rounded-sm bg-warning/25 px-0.5 text-foreground">
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}

/** One search hit: the entity, the passage that matched (highlighted) and where that passage came from. */
export function SearchResultItem({ result, query }: { result: SearchResult; query: string }) {
  const { entity, passage } = result;
  return (
    <li className="grid gap-2 rounded-lg border bg-card p-4" data-testid="search-result">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/knowledge/${entity.id}`} className="font-medium text-foreground hover:underline">
          <Highlighted text={entity.name} query={query} />
        </Link>
        <Badge variant="secondary">{entity.type}</Badge>
        <ScopeBadge department={entity.department} />
      </div>
      {passage ? (
        <blockquote className="border-l-2 border-primary/40 pl-3 text-sm text-foreground" data-testid="passage">
          <Highlighted
            text={passage.text.length > 400 ? `${passage.text.slice(0, 400)}…` : passage.text}
            query={query}
          />
        </blockquote>
      ) : entity.summary ? (
        <p className="text-sm text-muted-foreground">
          <Highlighted text={entity.summary} query={query} />
        </p>
      ) : null}
      {passage ? <ProvenanceLine provenance={passage.provenance} confidence={passage.confidence} /> : null}
      <p className="text-xs text-muted-foreground">
        Matched by{" "}
        {Object.keys(result.ranks)
          .map((arm) => ARM_LABELS[arm] ?? arm)
          .join(", ")}
      </p>
    </li>
  );
}
