import "server-only";
import type { Tx } from "../../../db";
import { DomainError } from "../../../errors";

/** One node of an org's department tree, as the tree rules read it. */
export interface TreeNode {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  archivedAt: Date | null;
}

export const DEPARTMENT_NOT_FOUND = "No such department in this organization.";

/**
 * An org's departments, read under the org's department lock (held until the
 * transaction ends): two moves at once could otherwise each pass the cycle
 * check and together make a loop, or two creates pass the depth check.
 */
export async function lockedTree(tx: Tx, orgId: string): Promise<DepartmentTree> {
  await lockDepartments(tx, orgId);
  const rows = await tx.department.findMany({
    where: { orgId },
    select: { id: true, parentId: true, name: true, slug: true, archivedAt: true },
  });
  return new DepartmentTree(rows);
}

/**
 * The org's department lock alone: what a hire or a position's move takes so
 * it cannot land in a department an archive running alongside is emptying.
 */
export async function lockDepartments(tx: Tx, orgId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`departments:${orgId}`}))`;
}

export class DepartmentTree {
  private readonly byId: Map<string, TreeNode>;
  private readonly childrenOf = new Map<string | null, TreeNode[]>();

  constructor(readonly nodes: readonly TreeNode[]) {
    this.byId = new Map(nodes.map((n) => [n.id, n]));
    for (const node of nodes) this.childrenOf.set(node.parentId, [...(this.childrenOf.get(node.parentId) ?? []), node]);
  }

  /** The org's department, or not_found (another org's id is simply not here). */
  get(id: string): TreeNode {
    const node = this.byId.get(id);
    if (!node) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
    return node;
  }

  children(id: string): TreeNode[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** 1 for a top-level department, 2 for its team, … */
  depth(id: string): number {
    let depth = 0;
    for (let node: TreeNode | undefined = this.byId.get(id); node && depth <= this.nodes.length; depth++)
      node = node.parentId ? this.byId.get(node.parentId) : undefined;
    return depth;
  }

  /** Levels from this department down to its deepest descendant (1 for one with no children). */
  height(id: string): number {
    const below = this.children(id).map((child) => this.height(child.id));
    return 1 + Math.max(0, ...below);
  }

  /** The department itself and everything below it. */
  subtree(id: string): string[] {
    return [id, ...this.children(id).flatMap((child) => this.subtree(child.id))];
  }

  /** The department's ancestors, nearest first. */
  ancestors(id: string): TreeNode[] {
    const chain: TreeNode[] = [];
    for (let node = this.byId.get(id); node?.parentId && chain.length < this.nodes.length;) {
      node = this.byId.get(node.parentId);
      if (node) chain.push(node);
    }
    return chain;
  }
}
