import { z } from "zod";
import { zText } from "../../../schemas/primitives";

/**
 * The limits of departments and positions, as zod field schemas: the
 * services parse with them (so every door, the seed included, gets the same
 * checks and sentences) and the tRPC inputs and forms reuse them. Shared
 * with the browser, so nothing here may import server-only code.
 */

/** A department and its teams are at most this many levels deep (a department is level 1). */
export const MAX_DEPARTMENT_DEPTH = 4;
export const MAX_DEPARTMENT_LEADS = 20;
export const DEPARTMENT_NAME_MAX_LENGTH = 80;
export const MISSION_MAX_LENGTH = 2_000;
export const POSITION_TITLE_MAX_LENGTH = 120;
export const INSTRUCTIONS_MAX_LENGTH = 4_000;
/** Credit amounts fit Postgres' int. */
export const MAX_CREDITS = 2_000_000_000;

export const ZDepartmentNameSchema = zText(DEPARTMENT_NAME_MAX_LENGTH, "Keep the name under 80 characters.").min(
  1,
  "Give the department a name.",
);
export const ZMissionSchema = zText(MISSION_MAX_LENGTH, "Keep the mission under 2,000 characters.");
export const ZPositionTitleSchema = zText(POSITION_TITLE_MAX_LENGTH, "Keep the title under 120 characters.").min(
  1,
  "Give the position a title.",
);
export const ZInstructionsSchema = zText(INSTRUCTIONS_MAX_LENGTH, "Keep standing instructions under 4,000 characters.");

const wholeCredits = (what: string) =>
  z
    .number({ error: `${what} must be a whole number of credits.` })
    .int(`${what} must be a whole number of credits.`)
    .max(MAX_CREDITS, `${what} is too large.`);

export const ZApprovalPolicySchema = z.enum(["NONE", "OVER", "EVERY"], {
  error: "The approval policy is NONE, OVER or EVERY.",
});
export const ZApprovalOverCreditsSchema = wholeCredits("The approval threshold").min(
  0,
  "The approval threshold cannot be negative.",
);
export const ZPlanAutoRunCreditsSchema = wholeCredits("The plan auto-run limit").min(
  0,
  "The plan auto-run limit cannot be negative.",
);
export const ZPerTaskCeilingSchema = wholeCredits("The per-task ceiling").min(
  1,
  "The per-task ceiling must be at least 1 credit.",
);
export const ZDelegationBudgetSchema = wholeCredits("The delegation budget").min(
  0,
  "The delegation budget cannot be negative.",
);
export const ZMonthlyCapSchema = wholeCredits("A monthly budget").min(1, "A monthly budget must be at least 1 credit.");
