import "server-only";
import { parseAgentCardText, type ParseCardResult } from "../../a2a/card/parse-card";
import { safeFetch } from "../../net/safe-fetch";
import { findUnsafeUrlError } from "../../net/unsafe-url-error";
import { hasUnstorableText } from "./json-value";

/**
 * A bare origin ("https://agent.example.com") means its well-known card; any
 * other URL is taken as the card's own address.
 */
export function cardUrlFor(input: string): string {
  try {
    const url = new URL(input.trim());
    if (url.pathname === "/" && !url.search) url.pathname = "/.well-known/agent-card.json";
    return url.href;
  } catch {
    return input.trim();
  }
}

/** Fetches a card through the SSRF-safe fetcher and validates it; every failure is a plain sentence. */
export async function fetchAgentCard(url: string, fetchImpl: typeof fetch = safeFetch): Promise<ParseCardResult> {
  let text: string;
  try {
    const response = await fetchImpl(url, { headers: { accept: "application/json" } });
    if (!response.ok) {
      await response.body?.cancel();
      return {
        ok: false,
        errors: [`The card URL answered HTTP ${response.status}; expected 200 with the card's JSON.`],
      };
    }
    text = await response.text();
  } catch (error) {
    const refusal = findUnsafeUrlError(error);
    if (refusal) return { ok: false, errors: [refusal.message] };
    throw error;
  }
  return parseStorableCard(text);
}

/** parseAgentCardText, refusing cards whose text Postgres could not store (a NUL, a lone surrogate). */
export function parseStorableCard(text: string): ParseCardResult {
  const parsed = parseAgentCardText(text);
  if (parsed.ok && hasUnstorableText(parsed.raw))
    return { ok: false, errors: ["The card contains NUL characters or broken Unicode text; remove them."] };
  return parsed;
}
