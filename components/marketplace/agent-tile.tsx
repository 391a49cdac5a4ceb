import Link from "next/link";
import type { ReactNode } from "react";
import { formatCredits } from "@/components/format";
import { HealthBadge, RatingLabel, StreamingBadge, TaskCount } from "@/components/agents/listing-badges";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";

export interface TileListing {
  slug: string;
  name: string;
  description: string;
  provider: string;
  iconUrl: string | null;
  pricePerTask: number;
  streaming: boolean;
  ratingAvg: number | null;
  ratingCount: number;
  taskCount: number;
  health: "UNKNOWN" | "HEALTHY" | "FAILING";
  healthFlagged: boolean;
  skillNames: string[];
}

/** One listing in the marketplace grid; `footer` adds context such as a match reason. */
export function AgentTile({ listing, footer }: { listing: TileListing; footer?: ReactNode }) {
  return (
    <Card className="group relative h-full gap-3 p-5 transition-shadow hover:shadow-md" data-testid="agent-tile">
      <div className="flex items-start gap-3">
        <Avatar name={listing.name} src={listing.iconUrl} shape="square" size="lg" />
        <div className="min-w-0 flex-1">
          <h3 className="line-clamp-2 font-semibold leading-tight">
            <Link href={`/agents/${listing.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
              {listing.name}
            </Link>
          </h3>
          <p className="truncate text-sm text-muted-foreground">by {listing.provider}</p>
        </div>
      </div>
      <p className="line-clamp-2 text-sm text-muted-foreground">{listing.description}</p>
      <div className="flex flex-wrap gap-1">
        {listing.skillNames.slice(0, 3).map((skill) => (
          <Badge key={skill} variant="outline">
            {skill}
          </Badge>
        ))}
        {listing.skillNames.length > 3 ? <Badge variant="outline">+{listing.skillNames.length - 3}</Badge> : null}
      </div>
      <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span className="font-semibold tabular-nums" data-testid="tile-price">
          {formatCredits(listing.pricePerTask)}{" "}
          <span className="font-normal text-muted-foreground">credits / task</span>
        </span>
        <RatingLabel average={listing.ratingAvg} count={listing.ratingCount} />
        <TaskCount count={listing.taskCount} />
        {listing.streaming ? <StreamingBadge /> : null}
        {listing.healthFlagged ? <HealthBadge health={listing.health} flagged /> : null}
      </div>
      {footer}
    </Card>
  );
}
