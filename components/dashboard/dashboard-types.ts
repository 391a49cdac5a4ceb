import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

export type Dashboard = inferRouterOutputs<AppRouter>["orgs"]["dashboard"];
export type DashboardRun = Dashboard["recentRuns"][number];
