import type { ELK, ElkNode } from "elkjs/lib/elk-api";

/** What the layout needs of a department: its place in the tree and how tall its card is. */
export interface LayoutDepartment {
  id: string;
  parentId: string | null;
  /** Positions shown on its card (the card grows with them, up to MAX_LISTED). */
  staff: number;
}

export type ElkLike = Pick<ELK, "layout">;

export const ORG_NODE_ID = "org";
export const NODE_WIDTH = 272;
export const ORG_NODE = { width: 272, height: 96 };
/** Positions listed on a card before "+N more". */
export const MAX_LISTED = 5;

const CARD_BASE = 200;
const STAFF_ROW = 34;
const MORE_ROW = 22;

/** The card's height for its staff count: the fixed rows plus one row per listed position. */
export function cardHeight(staff: number): number {
  const listed = Math.max(1, Math.min(staff, MAX_LISTED));
  return CARD_BASE + listed * STAFF_ROW + (staff > MAX_LISTED ? MORE_ROW : 0);
}

let engine: Promise<ElkLike> | null = null;
/** The 1.5 MB engine loads with the chart, not with the page (the list view never needs it). */
function loadElk(): Promise<ElkLike> {
  engine ??= import("elkjs/lib/elk.bundled.js").then(({ default: Elk }) => new Elk());
  return engine;
}

const PADDING = 16;
const LEVEL_GAP = 64;

const OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.layered.spacing.nodeNodeBetweenLayers": String(LEVEL_GAP),
  "elk.spacing.nodeNode": "24",
  "elk.spacing.componentComponent": "48",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  // A parent centred over its children, as an org chart reads.
  "elk.layered.nodePlacement.bk.fixedAlignment": "BALANCED",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.padding": `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
};

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The org chart placed by ELK's layered algorithm, top down: the org on top,
 * its departments below, each team under its department. A department whose
 * parent is not on the chart hangs from the org.
 */
export async function layoutChart(departments: readonly LayoutDepartment[], elk?: ElkLike): Promise<PlacedNode[]> {
  const children: ElkNode[] = [
    { id: ORG_NODE_ID, ...ORG_NODE },
    ...departments.map((d) => ({ id: d.id, width: NODE_WIDTH, height: cardHeight(d.staff) })),
  ];
  const edges = chartEdges(departments).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  const laid = await (elk ?? (await loadElk())).layout({ id: "root", layoutOptions: OPTIONS, children, edges });
  return topAligned(
    (laid.children ?? []).map((n) => ({
      id: n.id,
      x: Math.round(n.x ?? 0),
      y: Math.round(n.y ?? 0),
      width: n.width ?? NODE_WIDTH,
      height: n.height ?? 0,
    })),
    departments,
  );
}

/**
 * ELK centres the cards of a layer on one line, so cards of different
 * heights start at different heights; an org chart reads better with each
 * level's cards starting on one line. A tree's layers are its levels, so
 * each level starts below the tallest card of the level above.
 */
function topAligned(nodes: PlacedNode[], departments: readonly LayoutDepartment[]): PlacedNode[] {
  const parentOf = new Map(chartEdges(departments).map((e) => [e.target, e.source]));
  const level = (id: string, seen = new Set<string>()): number => {
    const parent = parentOf.get(id);
    return parent === undefined || seen.has(id) ? 0 : 1 + level(parent, seen.add(id));
  };
  const levels = nodes.map((n) => level(n.id));
  const tops: number[] = [];
  for (let l = 0; l <= Math.max(0, ...levels); l++) {
    const above = nodes.filter((_, i) => levels[i] === l - 1);
    tops[l] = l === 0 ? PADDING : Math.max(...above.map((n) => n.y + n.height)) + LEVEL_GAP;
  }
  return nodes.map((n, i) => ({ ...n, y: tops[levels[i]!]! }));
}

/** The edges of the chart: each department from its parent (or the org). */
export function chartEdges(departments: readonly LayoutDepartment[]): { id: string; source: string; target: string }[] {
  const ids = new Set(departments.map((d) => d.id));
  return departments.map((d) => {
    const source = d.parentId && ids.has(d.parentId) ? d.parentId : ORG_NODE_ID;
    return { id: `${source}->${d.id}`, source, target: d.id };
  });
}
