/** The fields of a department the tree needs: who its parent is, and a name to sort by. */
export interface TreeDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

export interface TreeNode<D extends TreeDepartment> {
  department: D;
  depth: number;
  children: TreeNode<D>[];
}

const byName = (a: TreeDepartment, b: TreeDepartment) => a.name.localeCompare(b.name, "en");

/**
 * The departments as a forest, each level sorted by name. A department whose
 * parent is not in the list (archived and hidden, or another page's) is a
 * root, so nothing the server sent is lost.
 */
export function buildTree<D extends TreeDepartment>(departments: readonly D[]): TreeNode<D>[] {
  const ids = new Set(departments.map((d) => d.id));
  const childrenOf = new Map<string | null, D[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), d]);
  }
  const grow = (parent: string | null, depth: number, seen: Set<string>): TreeNode<D>[] =>
    (childrenOf.get(parent) ?? [])
      .filter((d) => !seen.has(d.id))
      .sort(byName)
      .map((d) => ({ department: d, depth, children: grow(d.id, depth + 1, new Set(seen).add(d.id)) }));
  return grow(null, 0, new Set());
}

/** Depth-first, parents before their children: the order of a nested list or an indented select. */
export function flatten<D extends TreeDepartment>(forest: TreeNode<D>[]): TreeNode<D>[] {
  return forest.flatMap((node) => [node, ...flatten(node.children)]);
}

/** "Marketing / Content": the names from the root down to the department. */
export function pathName(departments: readonly TreeDepartment[], id: string): string {
  const byId = new Map(departments.map((d) => [d.id, d]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (let d = byId.get(id); d && !seen.has(d.id); d = d.parentId ? byId.get(d.parentId) : undefined) {
    seen.add(d.id);
    names.unshift(d.name);
  }
  return names.join(" / ");
}

/** The department and everything under it: what it may not be moved into. */
export function subtreeIds(departments: readonly TreeDepartment[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}
