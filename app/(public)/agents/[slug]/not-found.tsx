import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function AgentNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="Agent not found"
      description="It may have been unlisted, or the address is mistyped."
      action={
        <Button asChild variant="outline">
          <Link href="/marketplace">Browse the marketplace</Link>
        </Button>
      }
    />
  );
}
