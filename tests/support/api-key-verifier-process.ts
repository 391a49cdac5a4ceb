export {};

/**
 * A second app process for the revocation test: verifies `key` in a loop, the
 * way the gateway does on every call, and prints one JSON line once its key
 * cache serves the key (better-auth's verify called once, then not again) and
 * one when the key is refused. It then stays up until killed.
 */
const [key] = process.argv.slice(2);
const { auth } = await import("../../server/auth/auth");
const { authenticateApiKey } = await import("../../server/services/api-keys/authenticate-api-key");

let verifies = 0;
const verify = auth.api.verifyApiKey.bind(auth.api);
Object.assign(auth.api, {
  verifyApiKey: (...args: Parameters<typeof verify>) => {
    verifies += 1;
    return verify(...args);
  },
});

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
let checks = 0;
let ready = false;
for (;;) {
  const result = await authenticateApiKey(`Bearer ${key}`);
  checks += 1;
  if (!result.ok) {
    print({ refused: result.code, verifies, checks, at: Date.now() });
    break;
  }
  if (!ready && checks >= 20 && verifies === 1) {
    ready = true;
    print({ ready: true, verifies, checks });
  }
  await new Promise((resolve) => setTimeout(resolve, 2));
}
setInterval(() => {}, 1 << 30);
