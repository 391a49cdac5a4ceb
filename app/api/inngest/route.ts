import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { inngestFunctions } from "@/server/jobs/inngest/functions";

export const dynamic = "force-dynamic";

// Inngest calls this endpoint to run steps in production. The signing key
// (INNGEST_SIGNING_KEY) is read by the SDK from the environment.
const handler = serve({ client: inngest, functions: await inngestFunctions() });

export const { GET, POST, PUT } = handler;
