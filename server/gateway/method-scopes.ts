import "server-only";
import type { ApiKeyScope } from "../auth/api-key-scopes";

/**
 * The API key scope each JSON-RPC method needs, for both protocol
 * generations. Checked by the door from the method name alone, before the
 * listing, the task or anything else is read. Writing includes starting a
 * task, replying to one, cancelling it and changing where its results are
 * pushed (a webhook receives the full task, so registering one is no read).
 */
const METHOD_SCOPES = new Map<string, ApiKeyScope | null>([
  ["SendMessage", "tasks:write"],
  ["SendStreamingMessage", "tasks:write"],
  ["CancelTask", "tasks:write"],
  ["CreateTaskPushNotificationConfig", "tasks:write"],
  ["DeleteTaskPushNotificationConfig", "tasks:write"],
  ["GetTask", "tasks:read"],
  ["ListTasks", "tasks:read"],
  ["SubscribeToTask", "tasks:read"],
  ["GetTaskPushNotificationConfig", "tasks:read"],
  ["ListTaskPushNotificationConfigs", "tasks:read"],
  // The card is public anyway; any valid key may ask for it.
  ["GetExtendedAgentCard", null],
  ["message/send", "tasks:write"],
  ["message/stream", "tasks:write"],
  ["tasks/cancel", "tasks:write"],
  ["tasks/pushNotificationConfig/set", "tasks:write"],
  ["tasks/pushNotificationConfig/delete", "tasks:write"],
  ["tasks/get", "tasks:read"],
  ["tasks/resubscribe", "tasks:read"],
  ["tasks/pushNotificationConfig/get", "tasks:read"],
  ["tasks/pushNotificationConfig/list", "tasks:read"],
  ["agent/getAuthenticatedExtendedCard", null],
]);

/** Every method name the gateway serves, v1.0 and v0.3. */
export const GATEWAY_METHODS: readonly string[] = [...METHOD_SCOPES.keys()];

/** The scope `method` needs; null for none; undefined for a method the gateway does not serve (-32601 follows). */
export const scopeFor = (method: string): ApiKeyScope | null | undefined => METHOD_SCOPES.get(method);

export function missingScopeMessage(method: string, scope: ApiKeyScope): string {
  return (
    `This API key lacks the ${scope} scope, which ${method} needs. ` +
    `Create a key with ${scope} in Settings → API keys.`
  );
}
