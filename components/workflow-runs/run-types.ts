import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** A run as its page reads it (workflows.runs.get): the frozen graph, every step, pending approvals. */
export type RunDetail = Outputs["workflows"]["runs"]["get"];
export type RunSummary = Outputs["workflows"]["runs"]["list"]["items"][number];
export type StepView = RunDetail["steps"][number];
export type RunState = RunSummary["state"];
export type StepState = StepView["state"];
export type RunTrigger = RunSummary["trigger"];
export type RunError = NonNullable<RunSummary["error"]>;
/** An approval as the inbox lists it (with whether the caller may decide it now). */
export type ListedApproval = Outputs["approvals"]["list"]["items"][number];
export type ApprovalView = RunDetail["pendingApprovals"][number];
