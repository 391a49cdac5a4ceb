import { z } from "zod";
import {
  ApprovalState,
  KnowledgeSource,
  TaskSource,
  TaskState,
  WorkflowRunState,
  WorkflowRunTrigger,
  WorkflowStepState,
} from "../generated/prisma/enums";

/**
 * The catalogue of org events: every type an org's event log may hold, what
 * it is about (its subject type) and the zod schema of its data. recordEvent
 * (server/services/events/record-event.ts) refuses anything else, the REST
 * door validates `types=` against it, and the browser renders events with
 * it, so nothing here may import server-only code. Departments, workflows
 * and approvals add their entries here.
 *
 * Data schemas are strict: a misspelt field fails the writer's transaction
 * instead of reaching consumers. Amounts are whole credits.
 */
const credits = z.number().int();
const positiveCredits = credits.positive();
const id = z.string().min(1).max(255);
const taskState = z.enum(TaskState);
const nullableText = z.string().max(2000).nullable();

const listingMove = z.strictObject({ slug: z.string(), reason: nullableText });
const runState = z.enum(WorkflowRunState);
const stepState = z.enum(WorkflowStepState);
const versionNumber = z.number().int().positive();
const departmentName = z.string().min(1).max(200);
const positionTitle = z.string().min(1).max(200);
/** What a department.updated event may name as changed. */
const DEPARTMENT_FIELDS = [
  "name",
  "mission",
  "approvalPolicy",
  "approvalOverCredits",
  "planAutoRunCredits",
  "managerPositionId",
] as const;
const POSITION_FIELDS = ["title", "instructions", "perTaskCeilingCredits", "delegationBudgetCredits"] as const;
const KNOWLEDGE_ENTITY_FIELDS = ["name", "type", "aliases", "summary", "departmentId"] as const;
const knowledgeType = z.string().min(1).max(60);
const knowledgeSource = z.enum(KnowledgeSource);

export const ORG_EVENT_CATALOGUE = {
  // Tasks (written by the task path: start, agent events, settlement).
  "task.created": {
    subject: "task",
    data: z.strictObject({
      agentId: id,
      source: z.enum(TaskSource),
      priceCredits: credits.nonnegative(),
      /** The task that delegated this one, when there is one. */
      parentTaskId: id.nullable(),
      /** The department it runs for (a position's, or a request's), when there is one. */
      departmentId: id.nullable().optional(),
    }),
  },
  "task.state_changed": {
    subject: "task",
    data: z.strictObject({ from: taskState.nullable(), to: taskState, message: nullableText }),
  },
  "task.artifact": {
    subject: "task",
    data: z.strictObject({ artifactId: id, name: z.string().max(500).nullable() }),
  },
  "task.settled": {
    subject: "task",
    data: z.strictObject({
      state: taskState,
      /** captured: the price was charged; released: the hold went back to the wallet; none: nothing was held. */
      outcome: z.enum(["captured", "released", "none"]),
      chargedCredits: credits.nonnegative(),
    }),
  },
  // Ledger. Holds, captures and releases are about the task; wallet movements about the org wallet account.
  "credits.held": { subject: "task", data: z.strictObject({ holdId: id, amount: positiveCredits }) },
  "credits.captured": {
    subject: "task",
    data: z.strictObject({
      holdId: id,
      amount: credits.nonnegative(),
      sellerAmount: credits.nonnegative(),
      feeAmount: credits.nonnegative(),
    }),
  },
  "credits.released": {
    subject: "task",
    data: z.strictObject({ holdId: id, amount: credits.nonnegative(), reason: nullableText }),
  },
  "credits.granted": { subject: "wallet", data: z.strictObject({ amount: positiveCredits, reason: z.string() }) },
  "credits.purchased": {
    subject: "wallet",
    /** reference: the ledger key of the movement ("purchase:<Checkout Session id>"). */
    data: z.strictObject({ credits: positiveCredits, reference: z.string() }),
  },
  "credits.refunded": {
    subject: "wallet",
    data: z.strictObject({ credits: positiveCredits, reference: z.string() }),
  },
  // A seller's earnings: pending -> available after the hold period, then paid out.
  "earnings.matured": {
    subject: "wallet",
    /** taskId: the buyer's task whose captured price this was. */
    data: z.strictObject({ credits: positiveCredits, taskId: id }),
  },
  "payout.opened": { subject: "payout", data: z.strictObject({ credits: positiveCredits }) },
  "payout.paid": { subject: "payout", data: z.strictObject({ credits: positiveCredits, transferId: id }) },
  "payout.failed": { subject: "payout", data: z.strictObject({ error: nullableText }) },
  // Budgets: subject id is the budget's scope ("org" or a department id).
  "budget.set": {
    subject: "budget",
    /** to: null when the cap was removed. */
    data: z.strictObject({
      departmentId: id.nullable(),
      from: positiveCredits.nullable(),
      to: positiveCredits.nullable(),
    }),
  },
  "budget.threshold_crossed": {
    subject: "budget",
    data: z.strictObject({
      departmentId: id.nullable(),
      month: z.string().regex(/^\d{4}-\d{2}$/),
      capCredits: positiveCredits,
      spentCredits: credits.nonnegative(),
      thresholdPercent: z.number().int().min(1).max(100),
    }),
  },
  // API keys.
  "api_key.created": {
    subject: "api_key",
    data: z.strictObject({ name: z.string(), scopes: z.array(z.string()), lastFour: z.string() }),
  },
  "api_key.revoked": { subject: "api_key", data: z.strictObject({}) },
  // Members. invited and joined are written by database triggers (better-auth writes those rows).
  "member.invited": {
    subject: "invitation",
    data: z.strictObject({ email: z.string(), role: z.string().nullable() }),
  },
  "member.joined": { subject: "member", data: z.strictObject({ userId: id, role: z.string() }) },
  "member.role_changed": {
    subject: "member",
    data: z.strictObject({ userId: id, from: z.string(), to: z.string() }),
  },
  "member.removed": { subject: "member", data: z.strictObject({ userId: id, role: z.string() }) },
  "member.left": { subject: "member", data: z.strictObject({ userId: id, role: z.string() }) },
  // A seller's listings (in the seller org's log). Review decisions are the platform's: actor "system".
  "listing.submitted": { subject: "listing", data: listingMove },
  "listing.published": { subject: "listing", data: listingMove },
  "listing.rejected": { subject: "listing", data: listingMove },
  "listing.paused": { subject: "listing", data: listingMove },
  "listing.resumed": { subject: "listing", data: listingMove },
  "listing.unpublished": { subject: "listing", data: listingMove },
  "listing.suspended": { subject: "listing", data: listingMove },
  "listing.updated": {
    subject: "listing",
    data: z.discriminatedUnion("change", [
      z.strictObject({
        change: z.literal("terms"),
        pricePerTask: credits.nonnegative().optional(),
        categories: z.array(z.string()).optional(),
        tags: z.array(z.string()).optional(),
      }),
      z.strictObject({ change: z.literal("card"), version: z.number().int().positive() }),
    ]),
  },
  // Workflows (issue 12). Step events are about their run, so one run's stream reads by its subject id.
  "workflow.created": {
    subject: "workflow",
    data: z.strictObject({ name: z.string().max(200), templateId: id.nullable() }),
  },
  "workflow.published": {
    subject: "workflow",
    /** rolledBackFrom: the older version whose graph this publish copied (a rollback). */
    data: z.strictObject({ version: versionNumber, rolledBackFrom: versionNumber.nullable() }),
  },
  "workflow_run.started": {
    subject: "workflow_run",
    /** workflowId and version are null for a manager's plan; generation > 1 for a retry of a failed run. */
    data: z.strictObject({
      workflowId: id.nullable(),
      version: versionNumber.nullable(),
      trigger: z.enum(WorkflowRunTrigger),
      generation: z.number().int().positive(),
      budgetCapCredits: positiveCredits.nullable(),
      parentRunId: id.nullable(),
    }),
  },
  "workflow_run.state_changed": {
    subject: "workflow_run",
    data: z.strictObject({
      workflowId: id.nullable(),
      from: runState.nullable(),
      to: runState,
      spentCredits: credits.nonnegative(),
      /** Why it failed or was cancelled. */
      message: nullableText,
    }),
  },
  "workflow_step.state_changed": {
    subject: "workflow_run",
    data: z.strictObject({
      stepRunId: id,
      nodeId: z.string().max(40),
      /** The loop element's path; "" outside loops. */
      iterationKey: z.string().max(200),
      from: stepState.nullable(),
      to: stepState,
      attempt: z.number().int().nonnegative(),
      taskId: id.nullable(),
      costCredits: credits.nonnegative(),
      message: nullableText,
    }),
  },
  "approval.requested": {
    subject: "approval",
    data: z.strictObject({
      runId: id.nullable(),
      stepRunId: id.nullable(),
      title: z.string().max(300),
      approverRoles: z.array(z.string().max(32)),
      approverUserIds: z.array(id),
      deadlineAt: z.iso.datetime(),
      /** The price of what waits on the decision, when it has one. */
      priceCredits: credits.nonnegative().nullable(),
    }),
  },
  "approval.decided": {
    subject: "approval",
    /** state EXPIRED: nobody decided by the deadline and outcome is the approval's onTimeout. */
    data: z.strictObject({
      runId: id.nullable(),
      state: z.enum([ApprovalState.APPROVED, ApprovalState.REJECTED, ApprovalState.EXPIRED]),
      outcome: z.enum(["approve", "reject"]),
      comment: nullableText,
    }),
  },
  // Departments and positions (issue 13): subject ids are the department's or the position's id.
  "department.created": {
    subject: "department",
    data: z.strictObject({ name: departmentName, slug: z.string().max(100), parentId: id.nullable() }),
  },
  "department.updated": {
    subject: "department",
    /** changed: the fields this change set (a manager cleared because its position stopped also counts). */
    data: z.strictObject({ name: departmentName, changed: z.array(z.enum(DEPARTMENT_FIELDS)).min(1) }),
  },
  "department.moved": {
    subject: "department",
    data: z.strictObject({ name: departmentName, fromParentId: id.nullable(), toParentId: id.nullable() }),
  },
  "department.archived": { subject: "department", data: z.strictObject({ name: departmentName }) },
  "department.unarchived": { subject: "department", data: z.strictObject({ name: departmentName }) },
  "department.leads_changed": {
    subject: "department",
    /** userIds: the leads after the change. */
    data: z.strictObject({
      name: departmentName,
      userIds: z.array(id).max(50),
      added: z.array(id).max(50),
      removed: z.array(id).max(50),
    }),
  },
  "position.hired": {
    subject: "position",
    data: z.strictObject({ departmentId: id, agentId: id, title: positionTitle }),
  },
  "position.updated": {
    subject: "position",
    data: z.strictObject({
      departmentId: id,
      title: positionTitle,
      changed: z.array(z.enum(POSITION_FIELDS)).min(1),
    }),
  },
  "position.paused": { subject: "position", data: z.strictObject({ departmentId: id, title: positionTitle }) },
  "position.resumed": { subject: "position", data: z.strictObject({ departmentId: id, title: positionTitle }) },
  "position.ended": { subject: "position", data: z.strictObject({ departmentId: id, title: positionTitle }) },
  "position.moved": {
    subject: "position",
    data: z.strictObject({ title: positionTitle, fromDepartmentId: id, toDepartmentId: id }),
  },
  // Knowledge (issue 15): ids and kinds only, never names or facts, because every member
  // reading the log may not see a department's entities. Subject: the entity, proposal or import.
  "knowledge.entity_created": {
    subject: "knowledge_entity",
    data: z.strictObject({ departmentId: id.nullable(), type: knowledgeType, source: knowledgeSource }),
  },
  "knowledge.entity_updated": {
    subject: "knowledge_entity",
    data: z.strictObject({ departmentId: id.nullable(), changed: z.array(z.enum(KNOWLEDGE_ENTITY_FIELDS)).min(1) }),
  },
  "knowledge.entity_archived": { subject: "knowledge_entity", data: z.strictObject({ departmentId: id.nullable() }) },
  "knowledge.entity_unarchived": { subject: "knowledge_entity", data: z.strictObject({ departmentId: id.nullable() }) },
  "knowledge.observation_added": {
    subject: "knowledge_entity",
    data: z.strictObject({
      departmentId: id.nullable(),
      observationId: id,
      source: knowledgeSource,
      taskId: id.nullable(),
    }),
  },
  "knowledge.observation_retracted": {
    subject: "knowledge_entity",
    data: z.strictObject({ departmentId: id.nullable(), observationId: id }),
  },
  "knowledge.relation_added": {
    subject: "knowledge_entity",
    data: z.strictObject({ departmentId: id.nullable(), relationId: id, type: knowledgeType, toId: id }),
  },
  "knowledge.relation_removed": {
    subject: "knowledge_entity",
    data: z.strictObject({ departmentId: id.nullable(), relationId: id, type: knowledgeType, toId: id }),
  },
  "knowledge.proposal_received": {
    subject: "knowledge_proposal",
    /** state ACCEPTED: the department's policy wrote it at once. */
    data: z.strictObject({ departmentId: id.nullable(), taskId: id, state: z.enum(["PENDING", "ACCEPTED"]) }),
  },
  "knowledge.proposal_decided": {
    subject: "knowledge_proposal",
    data: z.strictObject({ departmentId: id.nullable(), taskId: id, state: z.enum(["ACCEPTED", "REJECTED"]) }),
  },
  "knowledge.imported": {
    subject: "knowledge_import",
    data: z.strictObject({
      entitiesCreated: z.number().int().nonnegative(),
      entitiesUpdated: z.number().int().nonnegative(),
      observationsAdded: z.number().int().nonnegative(),
      relationsAdded: z.number().int().nonnegative(),
    }),
  },
  "knowledge.policy_set": {
    subject: "department",
    data: z.strictObject({ ingest: z.enum(["AUTO", "REVIEW"]), attachContext: z.boolean() }),
  },
} as const satisfies Record<string, { subject: string; data: z.ZodType }>;

type Catalogue = typeof ORG_EVENT_CATALOGUE;
export type OrgEventType = keyof Catalogue;
export type OrgEventSubjectType<T extends OrgEventType = OrgEventType> = Catalogue[T]["subject"];
/** What a writer passes as `data` for an event of type T. */
export type OrgEventDataInput<T extends OrgEventType> = z.input<Catalogue[T]["data"]>;
/** What a reader finds in `data` for an event of type T. */
export type OrgEventData<T extends OrgEventType> = z.output<Catalogue[T]["data"]>;

export const ORG_EVENT_TYPES = Object.keys(ORG_EVENT_CATALOGUE) as OrgEventType[];

export function isOrgEventType(value: string): value is OrgEventType {
  return Object.hasOwn(ORG_EVENT_CATALOGUE, value);
}

export const EVENT_ACTOR_KINDS = ["user", "apiKey", "agent", "workflow", "system"] as const;

/** Who caused an event: a person, an API key, an agent, a workflow run (each by id), or Bureau itself. */
export const ZEventActorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.enum(["user", "apiKey", "agent", "workflow"]), id }),
  /** id: what in Bureau acted, when it helps ("stripe"); usually null. */
  z.strictObject({ kind: z.literal("system"), id: id.nullable() }),
]);
export type EventActor = z.infer<typeof ZEventActorSchema>;

/** One event as the REST door, the stream and the browser see it (ids are strings: JSON has no bigint). */
export const ZOrgEventViewSchema = z.object({
  id: z.string(),
  type: z.enum(ORG_EVENT_TYPES as [OrgEventType, ...OrgEventType[]]),
  subject: z.object({ type: z.string(), id: z.string() }),
  actor: z.object({ kind: z.enum(EVENT_ACTOR_KINDS), id: z.string().nullable() }),
  data: z.unknown(),
  createdAt: z.string(),
});
export type OrgEventView = z.infer<typeof ZOrgEventViewSchema>;

/** Checks `data` against the catalogue entry of `type`; the parsed data or the zod error. */
export function parseOrgEventData<T extends OrgEventType>(type: T, data: unknown) {
  const schema: z.ZodType = ORG_EVENT_CATALOGUE[type].data;
  return schema.safeParse(data) as z.ZodSafeParseResult<OrgEventData<T>>;
}
