import { describe, expect, it } from "vitest";
import { betterAuthLogLevel } from "@/server/auth/auth";

describe("better-auth log levels", () => {
  it("logs a refusal of the caller's input (a 4xx) at info, real errors at error", () => {
    const refusal = { status: "UNAUTHORIZED", statusCode: 401, name: "APIError" };
    expect(betterAuthLogLevel("error", [refusal])).toBe("info");
    expect(betterAuthLogLevel("error", [new Error("connection refused")])).toBe("error");
    expect(betterAuthLogLevel("error", [{ statusCode: 500 }])).toBe("error");
    expect(betterAuthLogLevel("warn", [])).toBe("warn");
    expect(betterAuthLogLevel("info", [])).toBe("debug");
  });
});
