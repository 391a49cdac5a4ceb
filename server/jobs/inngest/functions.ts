import { inngest } from "@/inngest/client";
import { loadFunctions } from "../functions";
import { toInngestFunction } from "./adapt";

/** Every Bureau function as an Inngest function, for /api/inngest. */
export async function inngestFunctions() {
  return (await loadFunctions()).map((fn) => toInngestFunction(inngest, fn));
}
