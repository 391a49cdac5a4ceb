import { Writable } from "node:stream";
import { expect, it } from "vitest";
import { createLogger } from "../logger";

it("never prints OAuth tokens, client secrets or PKCE verifiers", () => {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: "info", destination });
  const body = {
    access_token: "bmcp_at_secret1",
    refresh_token: "bmcp_rt_secret2",
    client_secret: "bmcp_cs_secret3",
    code_verifier: "verifier-secret4",
  };
  logger.info(body, "token response");
  logger.info({ response: body }, "nested");
  const out = lines.join("");
  for (const secret of Object.values(body)) expect(out).not.toContain(secret);
  expect(out.match(/\[redacted\]/g)).toHaveLength(8);
});
