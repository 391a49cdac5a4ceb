import "server-only";
import { z } from "zod";
import { DomainError } from "../../../errors";
import { zSlug } from "../../../schemas/primitives";
import { askDepartment, REQUEST_TEXT_LIMIT } from "../../../services/company/requests/ask-department";
import { defineRoute } from "../../route";

const ZParamsSchema = z.object({
  slug: zSlug.meta({ description: "The department's slug (as GET /api/v1/departments lists it)." }),
});

const ZBodySchema = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, "must say what you need")
    .max(REQUEST_TEXT_LIMIT, `must be at most ${REQUEST_TEXT_LIMIT} characters`)
    .meta({ description: "The request, in plain words.", example: "Draft a launch blog post on our Q3 numbers" }),
  messageId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({
      description:
        "Your id for this request (a UUID). A retry with the same messageId returns the task it started (200) " +
        "instead of starting another.",
    }),
});

const ZRequestTaskSchema = z.object({
  id: z.string().meta({ description: "The request's task id (GET /api/v1/tasks/{id} follows it)." }),
  contextId: z.string(),
  kind: z.literal("MANAGER"),
  departmentSlug: z.string(),
  state: z.string().meta({ description: "WORKING at first: the department's manager routes or plans it." }),
});

export const startDepartmentRequest = defineRoute({
  method: "post",
  path: "/api/v1/departments/{slug}/requests",
  operationId: "startDepartmentRequest",
  summary: "Ask a department",
  description:
    "Starts a request to the department: a parent task whose manager answers with a route (one of its " +
    "positions), a plan (parts for positions or other departments, run as a workflow run) or a question " +
    "(the task then waits in INPUT_REQUIRED). A plan priced above the department's auto-run threshold waits " +
    "for a lead to accept it (AUTH_REQUIRED). Its children are billed tasks within every budget of the tree.",
  tag: "Company",
  access: { kind: "apiKey", scope: "tasks:write" },
  params: ZParamsSchema,
  body: ZBodySchema,
  notFound: () => new DomainError("department_not_found", "No such department in this organization."),
  errors: {
    404: "`department_not_found`: the key's org has no (unarchived) department with this slug.",
    400: "`message_id_reused`: this messageId already started another task.",
  },
  responses: {
    201: { description: "The request started.", schema: ZRequestTaskSchema },
    200: { description: "A retry with the same messageId: the request it started.", schema: ZRequestTaskSchema },
  },
  handler: async ({ principal, params, body }) => {
    const task = await askDepartment({
      orgId: principal.orgId,
      departmentSlug: params.slug,
      message: {
        messageId: body.messageId ?? crypto.randomUUID(),
        role: "user",
        parts: [{ kind: "text", text: body.text }],
      },
      actor: { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes },
      source: "API",
    });
    const answer = {
      id: task.id,
      contextId: task.contextId,
      kind: "MANAGER" as const,
      departmentSlug: params.slug,
      state: "WORKING",
    };
    const location = { location: `/api/v1/tasks/${task.id}` };
    return task.created
      ? { status: 201, body: answer, headers: location }
      : { status: 200, body: answer, headers: location };
  },
});
