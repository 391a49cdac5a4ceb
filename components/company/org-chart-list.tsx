import type { ActivityItem } from "./company-events";
import type { ChartDepartment } from "./company-types";
import { DepartmentCard } from "./department-card";
import { buildTree, type TreeNode } from "./department-tree";

function Branch({
  nodes,
  activity,
}: {
  nodes: TreeNode<ChartDepartment>[];
  activity: ReadonlyMap<string, ActivityItem[]>;
}) {
  return (
    <ul className="grid gap-3">
      {nodes.map(({ department, children }) => (
        <li key={department.id} className="grid gap-3">
          <DepartmentCard department={department} activity={activity.get(department.id)} />
          {children.length ? (
            <div className="ml-3 border-l-2 border-border pl-3" aria-label={`Teams of ${department.name}`} role="group">
              <Branch nodes={children} activity={activity} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The org chart as a nested list: what a phone shows, and the canvas' alternative on any screen. */
export function OrgChartList(props: { departments: ChartDepartment[]; activity: ReadonlyMap<string, ActivityItem[]> }) {
  return (
    <div data-testid="org-chart-list">
      <Branch nodes={buildTree(props.departments)} activity={props.activity} />
    </div>
  );
}
