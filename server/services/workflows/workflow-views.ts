import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { readStoredGraph } from "./stored-graph";

/** The columns a workflow's list row and detail are made of (never the webhook secret's hash). */
export const WORKFLOW_SUMMARY_SELECT = {
  id: true,
  name: true,
  description: true,
  templateId: true,
  latestVersion: true,
  draftSavedAt: true,
  archivedAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  versions: { orderBy: { number: "desc" }, take: 1, select: { createdAt: true } },
} satisfies Prisma.WorkflowSelect;

export const WORKFLOW_DETAIL_SELECT = {
  ...WORKFLOW_SUMMARY_SELECT,
  draftGraph: true,
  webhookSecretHash: true,
} satisfies Prisma.WorkflowSelect;

type SummaryRow = Prisma.WorkflowGetPayload<{ select: typeof WORKFLOW_SUMMARY_SELECT }>;
type DetailRow = Prisma.WorkflowGetPayload<{ select: typeof WORKFLOW_DETAIL_SELECT }>;

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  templateId: string | null;
  /** 0 until the first publish. */
  latestVersion: number;
  /** When the newest version was published; null before the first publish. */
  publishedAt: Date | null;
  draftSavedAt: Date;
  /** The draft was saved after the newest publish (or never published). */
  hasUnpublishedChanges: boolean;
  archivedAt: Date | null;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkflowDetail extends WorkflowSummary {
  draftGraph: WorkflowGraph;
  /** Whether a webhook trigger secret was issued (the secret itself is shown once, elsewhere). */
  hasWebhookSecret: boolean;
}

export function toWorkflowSummary({ versions, ...row }: SummaryRow): WorkflowSummary {
  const publishedAt = versions[0]?.createdAt ?? null;
  return {
    ...row,
    publishedAt,
    hasUnpublishedChanges: publishedAt === null || row.draftSavedAt > publishedAt,
  };
}

export function toWorkflowDetail({ draftGraph, webhookSecretHash, ...row }: DetailRow): WorkflowDetail {
  return {
    ...toWorkflowSummary(row),
    draftGraph: readStoredGraph(draftGraph, `workflow ${row.id}`),
    hasWebhookSecret: webhookSecretHash !== null,
  };
}
