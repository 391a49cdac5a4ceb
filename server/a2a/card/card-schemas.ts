import "server-only";
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1).max(max);

/** An absolute http(s) URL; other schemes (file:, javascript:) are refused. */
export const ZHttpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || url.protocol === "http:";
      } catch {
        return false;
      }
    },
    { message: "Is not an absolute http(s) URL" },
  );

const ZModesSchema = z.array(text(100)).max(20);

const ZSkillSchema = z.looseObject({
  id: text(100),
  name: text(100),
  description: text(1000),
  tags: z.array(text(50)).max(20),
  examples: z.array(text(500)).max(20).optional(),
  inputModes: ZModesSchema.optional(),
  outputModes: ZModesSchema.optional(),
});

const ZProviderSchema = z.looseObject({ organization: text(100), url: ZHttpUrlSchema.optional() });

const ZCapabilitiesSchema = z.looseObject({
  streaming: z.boolean().optional(),
  pushNotifications: z.boolean().optional(),
});

const common = {
  name: text(100),
  description: text(2000),
  version: text(50),
  provider: ZProviderSchema.optional(),
  documentationUrl: ZHttpUrlSchema.optional(),
  iconUrl: ZHttpUrlSchema.optional(),
  defaultInputModes: ZModesSchema.min(1),
  defaultOutputModes: ZModesSchema.min(1),
  skills: z.array(ZSkillSchema).min(1).max(50),
};

/** A2A v1.0: where to call the agent is `supportedInterfaces` (first preferred). */
export const ZAgentCardV1Schema = z.looseObject({
  ...common,
  capabilities: ZCapabilitiesSchema.optional(),
  supportedInterfaces: z
    .array(
      z.looseObject({
        url: ZHttpUrlSchema,
        protocolBinding: text(50),
        protocolVersion: text(20).optional(),
        tenant: z.string().max(200).optional(),
      }),
    )
    .min(1)
    .max(20),
});

/** A2A 0.3: `url` with `preferredTransport`, plus optional `additionalInterfaces`. */
export const ZAgentCardV03Schema = z.looseObject({
  ...common,
  capabilities: ZCapabilitiesSchema,
  url: ZHttpUrlSchema,
  preferredTransport: text(50).optional(),
  protocolVersion: text(20).optional(),
  additionalInterfaces: z
    .array(z.looseObject({ url: ZHttpUrlSchema, transport: text(50) }))
    .max(20)
    .optional(),
});

export type AgentCardV1 = z.infer<typeof ZAgentCardV1Schema>;
export type AgentCardV03 = z.infer<typeof ZAgentCardV03Schema>;
export type CardSkillInput = z.infer<typeof ZSkillSchema>;
