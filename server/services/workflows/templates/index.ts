import "server-only";
import { blogPostLegalReview } from "./blog-post-legal-review";
import type { WorkflowTemplate } from "./define-template";
import { hiringPacket } from "./hiring-packet";
import { incidentPostmortem } from "./incident-postmortem";
import { localizePage } from "./localize-page";
import { monthlyCloseMemo } from "./monthly-close-memo";
import { supportTicketFaqUpdate } from "./support-ticket-faq-update";

export type { WorkflowTemplate } from "./define-template";

/**
 * The gallery, in the order it shows. Every template runs on the demo
 * catalog: tests/unit/workflows/templates.test.ts validates each against it
 * and dry-runs it on its sample input with the demo agents' own answers.
 */
export const WORKFLOW_TEMPLATES: readonly WorkflowTemplate[] = [
  blogPostLegalReview,
  monthlyCloseMemo,
  supportTicketFaqUpdate,
  hiringPacket,
  localizePage,
  incidentPostmortem,
];

/** A deep copy, so a workflow made from a template can be edited without touching the gallery. */
export function findWorkflowTemplate(id: string): WorkflowTemplate | null {
  const template = WORKFLOW_TEMPLATES.find((t) => t.id === id);
  return template ? structuredClone(template) : null;
}
