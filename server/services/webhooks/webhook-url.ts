import "server-only";
import { DomainError } from "../../errors";
import { effectivePort, isAllowedHost } from "../../net/allow-hosts";
import { defaultAllowHosts } from "../../net/allowlist";
import { checkFetchableUrl, UnsafeUrlError } from "../../net/safe-fetch";

/**
 * An endpoint URL must be https, except for the hosts the safe fetcher is
 * allowed to reach (OUTBOUND_ALLOW_HOSTS; APP_URL's host in development),
 * and pass the fetcher's own checks (no credentials, no private IP literal).
 * Names resolving to private addresses are refused at delivery time too.
 */
export function checkWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = checkFetchableUrl(raw);
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw new DomainError("invalid_input", error.message);
    throw error;
  }
  if (url.protocol !== "https:" && !isAllowedHost(defaultAllowHosts(), url.hostname, effectivePort(url))) {
    throw new DomainError("invalid_input", "Webhook URLs must use https.");
  }
  return url.href;
}
