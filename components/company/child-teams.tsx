import { ChevronRight, Network } from "lucide-react";
import Link from "next/link";
import { creditCount, plural } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChartDepartment, DepartmentDetail } from "./company-types";
import { onChart } from "./department-card";
import { NewDepartmentDialog } from "./new-department-dialog";

/** The department's teams, each with its staff and spend; admins add one here. */
export function ChildTeams(props: {
  department: DepartmentDetail;
  departments: ChartDepartment[];
  canManage: boolean;
}) {
  const { org } = useOrg();
  const byId = new Map(props.departments.map((d) => [d.id, d]));
  const teams = props.department.children.flatMap((id) => byId.get(id) ?? []);
  const archived = props.department.archivedAt !== null;
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>Teams</CardTitle>
          {props.canManage && !archived ? (
            <NewDepartmentDialog
              orgId={org.id}
              departments={props.departments.filter((d) => d.archivedAt === null)}
              parentId={props.department.id}
              label="New team"
              size="sm"
            />
          ) : null}
        </div>
        <CardDescription>Their spend counts against this department&apos;s budget too.</CardDescription>
      </CardHeader>
      <CardContent>
        {teams.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Network className="size-4" aria-hidden />
            No teams.
          </p>
        ) : (
          <ul className="divide-y divide-border" data-testid="child-teams">
            {teams.map((team) => (
              <li key={team.id} className="relative flex items-center gap-3 py-2.5">
                <div className="min-w-0 flex-1">
                  <Link href={`/company/${team.slug}`} className="text-sm font-medium after:absolute after:inset-0">
                    {team.name}
                  </Link>
                  <p className="truncate text-xs text-muted-foreground">
                    {plural(onChart(team.positions).length, { one: "position", other: "positions" })} ·{" "}
                    {creditCount(team.month.rolledUpSpentCredits)} this month
                  </p>
                </div>
                {team.archivedAt ? <Badge variant="outline">Archived</Badge> : null}
                <ChevronRight className="size-4 text-muted-foreground" aria-hidden />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
