import { afterEach, describe, expect, it, vi } from "vitest";
import { createUser, PASSWORD } from "../../support/factories";

const PORT = 3917;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

/** better-auth as a process in this mode would build it (server/auth/auth.ts read afresh). */
async function authIn(mode: "development" | "production", appUrl: string) {
  vi.stubEnv("NODE_ENV", mode);
  vi.stubEnv("APP_URL", appUrl);
  vi.stubEnv("AUTH_RATE_LIMIT", "off");
  if (mode === "production") vi.stubEnv("BETTER_AUTH_SECRET", "p".repeat(48));
  vi.resetModules();
  return (await import("@/server/auth/auth")).auth;
}

/** POST /api/auth/sign-in/email as a browser on `origin` sends it. */
async function signInFrom(handler: (request: Request) => Promise<Response>, appUrl: string, origin: string) {
  const { email } = await createUser("Origin Tester");
  const response = await handler(
    new Request(`${appUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  return {
    status: response.status,
    sessionCookie: response.headers.getSetCookie().some((c) => /session_token=/.test(c)),
  };
}

describe("sign-in origins", () => {
  it("in development, http://localhost:PORT and http://127.0.0.1:PORT work; a foreign origin is refused", async () => {
    const appUrl = `http://localhost:${PORT}`;
    const auth = await authIn("development", appUrl);
    for (const origin of [`http://localhost:${PORT}`, `http://127.0.0.1:${PORT}`]) {
      expect(await signInFrom(auth.handler, appUrl, origin)).toEqual({ status: 200, sessionCookie: true });
    }
    for (const origin of ["http://evil.example", `http://127.0.0.1:${PORT + 1}`, `https://localhost:${PORT}`]) {
      expect(await signInFrom(auth.handler, appUrl, origin)).toEqual({ status: 403, sessionCookie: false });
    }
  });

  it("in production, only APP_URL", async () => {
    const appUrl = "https://bureau.example";
    const auth = await authIn("production", appUrl);
    expect(await signInFrom(auth.handler, appUrl, appUrl)).toEqual({ status: 200, sessionCookie: true });
    for (const origin of ["http://localhost:3000", "http://127.0.0.1:3000", "https://evil.example"]) {
      expect(await signInFrom(auth.handler, appUrl, origin)).toEqual({ status: 403, sessionCookie: false });
    }
  });

  it("in production on a loopback APP_URL, the other loopback spellings are still refused", async () => {
    const appUrl = `http://localhost:${PORT}`;
    const auth = await authIn("production", appUrl);
    expect(await signInFrom(auth.handler, appUrl, appUrl)).toEqual({ status: 200, sessionCookie: true });
    expect(await signInFrom(auth.handler, appUrl, `http://127.0.0.1:${PORT}`)).toEqual({
      status: 403,
      sessionCookie: false,
    });
  });
});
