import { buildTree, flatten, pathName, type TreeDepartment } from "./department-tree";

/**
 * The departments as <option>s of a native select, each team named by its
 * path ("Marketing / Content") right under its department. Native, so a
 * phone shows its own picker and a test can select an option by its label.
 */
export function DepartmentOptions(props: { departments: readonly TreeDepartment[]; exclude?: ReadonlySet<string> }) {
  return flatten(buildTree(props.departments))
    .filter((n) => !props.exclude?.has(n.department.id))
    .map(({ department }) => (
      <option key={department.id} value={department.id}>
        {pathName(props.departments, department.id)}
      </option>
    ));
}
