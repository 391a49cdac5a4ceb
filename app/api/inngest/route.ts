import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { allFunctions } from "@/inngest/functions";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";

export const dynamic = "force-dynamic";

// Inngest calls this endpoint to run steps in production. The signing key
// (INNGEST_SIGNING_KEY) is read by the SDK from the environment.
const handler = serve({ client: inngest, functions: allFunctions.map((fn) => toInngestFunction(inngest, fn)) });

export const { GET, POST, PUT } = handler;
