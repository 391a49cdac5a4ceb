import { Building2, Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** Who sees an entity: the whole organization, or one department (and its teams' tasks). */
export function ScopeBadge({ department }: { department: { name: string } | null }) {
  return department ? (
    <Badge variant="warning" title="Seen by owners, admins, this department's leads and its tasks">
      <Lock aria-hidden />
      {department.name} only
    </Badge>
  ) : (
    <Badge variant="outline" title="Seen by every member">
      <Building2 aria-hidden />
      Organization
    </Badge>
  );
}
