import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["workflows"];

/** The shapes the builder pages read, straight from the procedures' declared outputs. */
export type WorkflowSummary = Outputs["list"]["items"][number];
export type WorkflowDetail = Outputs["get"];
export type WorkflowTemplate = Outputs["templates"][number];
export type GraphCheck = Outputs["saveDraft"]["check"];
export type VersionSummary = Outputs["versions"]["items"][number];
export type VersionDiff = Outputs["diff"];
