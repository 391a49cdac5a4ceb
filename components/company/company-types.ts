import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["company"];

/** The shapes the company pages read, straight from the procedures' declared outputs. */
export type CompanyChart = Outputs["chart"];
export type ChartDepartment = CompanyChart["departments"][number];
export type ChartPosition = ChartDepartment["positions"][number];
export type DepartmentDetail = Outputs["department"];
export type DepartmentTask = Outputs["departmentTasks"]["items"][number];
export type CompanyMember = Outputs["members"][number];
export type ApprovalPolicy = ChartDepartment["approvalPolicy"];
export type PositionStatus = ChartPosition["status"];

/** Who may change the company's structure (the server checks again). */
export const canManageCompany = (role: string) => role === "owner" || role === "admin";
