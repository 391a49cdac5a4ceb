import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, withRequestId } from "@/server/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: "info", destination: stream }), lines };
}

describe("structured logs", () => {
  it("never prints passwords, keys, tokens or auth headers", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        password: "hunter22",
        apiKey: "bureau_secret",
        headers: { authorization: "Bearer bureau_secret", cookie: "s=1" },
        user: { token: "t0k" },
      },
      "sign in",
    );
    const out = lines.join("");
    for (const secret of ["hunter22", "bureau_secret", "s=1", "t0k"]) expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
  });

  it("stamps every line inside a request with its id", () => {
    const { logger, lines } = capture();
    withRequestId("req-12345678", () => {
      logger.info("first");
      logger.warn({ detail: 1 }, "second");
    });
    logger.info("outside");
    const parsed = lines.map((l) => JSON.parse(l) as { requestId?: string; msg: string });
    expect(parsed.filter((l) => l.requestId === "req-12345678").map((l) => l.msg)).toEqual(["first", "second"]);
    expect(parsed.find((l) => l.msg === "outside")?.requestId).toBeUndefined();
  });
});
