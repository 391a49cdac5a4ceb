import { z } from "zod";

export const MCP_GRANT_SUBJECT_TYPES = ["ROLE", "DEPARTMENT", "API_KEY"] as const;
export const ZMcpGrantSubjectSchema = z.object({
  type: z.enum(MCP_GRANT_SUBJECT_TYPES),
  id: z.string().min(1).max(64),
});
export type McpGrantSubject = z.infer<typeof ZMcpGrantSubjectSchema>;

export const ZMcpGrantEffectSchema = z.enum(["ALLOW", "HIDE"]);

export const ZGrantSubjectsResponseSchema = z.object({
  roles: z.array(z.object({ id: z.string(), name: z.string() })),
  departments: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string() })),
  apiKeys: z.array(z.object({ id: z.string(), name: z.string(), hasMcpScope: z.boolean(), active: z.boolean() })),
});

export const ZToolGrantsRequestSchema = z.object({ subject: ZMcpGrantSubjectSchema });
export const ZToolGrantsResponseSchema = z.object({
  tools: z.array(
    z.object({
      /** What a grant names: the tool's name, or "position:<id>". */
      key: z.string(),
      name: z.string(),
      title: z.string(),
      readOnly: z.boolean(),
      position: z.boolean(),
      scopes: z.array(z.string()),
      /** Whether the subject's scopes reach the tool at all (null: a department, whose leads' roles differ). */
      scopeAllows: z.boolean().nullable(),
      /** Visible with no grant (null: a department's leads follow their roles). */
      visibleByDefault: z.boolean().nullable(),
      effect: ZMcpGrantEffectSchema.nullable(),
    }),
  ),
});

export const ZSetToolGrantRequestSchema = z.object({
  subject: ZMcpGrantSubjectSchema,
  tool: z.string().min(1).max(100),
  effect: ZMcpGrantEffectSchema.nullable(),
});
export const ZSetToolGrantResponseSchema = z.object({ changed: z.boolean() });
