import "server-only";
import { gatewayCardUrl, gatewayUrl } from "../../a2a/urls";

/** Where programs call a listed agent through Bureau. */
export function gatewayUrls(slug: string) {
  return { jsonRpc: gatewayUrl(slug), card: gatewayCardUrl(slug) };
}
