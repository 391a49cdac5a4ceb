import type { GraphCheck, WorkflowDetail } from "./builder-types";
import type { SaveStatus } from "./use-autosave";

/**
 * Why Publish is off, in words for the header, or null when it is on: the
 * draft has errors (the server's check), could not be saved, or is exactly
 * what is already live.
 */
export function publishBlockedReason(p: {
  check: GraphCheck | null;
  status: SaveStatus;
  meta: Pick<WorkflowDetail, "latestVersion" | "hasUnpublishedChanges">;
  dirty: boolean;
}): string | null {
  if (p.status === "conflict") return "The draft was changed elsewhere; reload it first.";
  const errors = p.check?.issues.filter((i) => i.severity === "error").length ?? 0;
  if (errors > 0) return `Fix ${errors} ${errors === 1 ? "error" : "errors"} to publish.`;
  if (!p.dirty && p.meta.latestVersion > 0 && !p.meta.hasUnpublishedChanges)
    return `No changes since version ${p.meta.latestVersion}.`;
  return null;
}
