import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/logger";
import { signGrant, verifyGrant } from "@/server/services/delegation/grant-token";
import { withDelegationGrant } from "@/server/services/delegation/issue-grant";

const claims = {
  taskId: "0190f0aa-0000-7000-8000-000000000001",
  rootTaskId: "0190f0aa-0000-7000-8000-000000000000",
  orgId: "org-1",
  depth: 2,
  expiresAt: new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000),
};

const reencode = (token: string, change: (payload: Record<string, unknown>) => Record<string, unknown>) => {
  const [head, signature] = token.split(".") as [string, string];
  const payload = JSON.parse(Buffer.from(head.slice(4), "base64url").toString()) as Record<string, unknown>;
  return `bdg_${Buffer.from(JSON.stringify(change(payload))).toString("base64url")}.${signature}`;
};

describe("delegation grant tokens", () => {
  it("round-trips the task, its tree, its org, its depth and its expiry", () => {
    const token = signGrant(claims);
    expect(token).toMatch(/^bdg_[\w-]+\.[\w-]{43}$/);
    expect(verifyGrant(token)).toEqual({ ok: true, claims });
  });

  it("refuses a token changed in any claim, re-signed with another key, cut short or of another kind", () => {
    const token = signGrant(claims);
    for (const change of [
      (p: Record<string, unknown>) => ({ ...p, d: 0 }),
      (p: Record<string, unknown>) => ({ ...p, o: "org-2" }),
      (p: Record<string, unknown>) => ({ ...p, t: p.r }),
      (p: Record<string, unknown>) => ({ ...p, x: Number(p.x) + 3600 }),
    ])
      expect(verifyGrant(reencode(token, change))).toEqual({ ok: false, reason: "malformed" });
    const [head] = token.split(".");
    for (const bad of [
      `${head}.${Buffer.alloc(32).toString("base64url")}`,
      head!,
      token.slice(0, -2),
      `bureau_${token.slice(4)}`,
      "bdg_.",
    ])
      expect(verifyGrant(bad!)).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses an expired token, and only after its signature checks", () => {
    const token = signGrant(claims);
    expect(verifyGrant(token, claims.expiresAt.getTime())).toEqual({ ok: false, reason: "expired" });
    expect(verifyGrant(token, claims.expiresAt.getTime() - 1)).toMatchObject({ ok: true });
    expect(
      verifyGrant(
        reencode(token, (p) => p),
        claims.expiresAt.getTime() + 1,
      ),
    ).toEqual({ ok: false, reason: "expired" });
    expect(
      verifyGrant(
        reencode(token, (p) => ({ ...p, d: 9 })),
        claims.expiresAt.getTime() + 1,
      ),
    ).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("is never printed by the logger, however deep the message carrying it sits", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      destination: new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    });
    const token = signGrant(claims);
    const grant = {
      token,
      rootTaskId: claims.rootTaskId,
      taskId: claims.taskId,
      remainingCredits: 5,
      depth: 2,
      expiresAt: "",
    };
    const message = withDelegationGrant(
      {
        messageId: "m",
        role: 1,
        parts: [],
        taskId: "",
        contextId: "",
        metadata: { trace: "kept" },
        extensions: [],
        referenceTaskIds: [],
      },
      grant,
    );
    expect(message.metadata).toMatchObject({ trace: "kept", "bureau/delegation": grant });
    logger.info({ message }, "one");
    logger.info({ request: { message } }, "two");
    logger.info({ call: { params: { message } } }, "three");
    logger.info({ grant }, "four");
    const out = lines.join("");
    expect(out).not.toContain(token);
    expect(out).not.toContain(token.split(".")[1]);
    expect(out).toContain("kept");
  });
});
