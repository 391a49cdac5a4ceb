import { afterAll, beforeAll } from "vitest";
import { db } from "@/server/db";
import { clientBucket, clientIpHeader } from "@/server/net/client-address";
import { startAppServer } from "../../support/app-server";
import { apiV1Routes, OpenApiContract } from "../../support/openapi";

/** A fresh documentation-range address per call, so each test has its own rate-limit buckets. */
export const freshIp = () => `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

/**
 * The app's /api/v1 routes (the real route files) on a real HTTP server at
 * APP_URL, and the contract fetched from it, for one test file.
 */
export function useApiV1() {
  const state = {} as { server: Awaited<ReturnType<typeof startAppServer>>; contract: OpenApiContract };
  beforeAll(async () => {
    state.server = await startAppServer((await apiV1Routes()).routes);
    state.contract = await OpenApiContract.fetch(state.server.url);
  });
  afterAll(() => state.server?.close());
  return {
    get contract() {
      return state.contract;
    },
    /**
     * GET (or another method) from `ip`: the test process installs no client
     * address hook, so the header the hook would write reaches the app as
     * sent, as if the socket came from `ip`.
     */
    call(path: string, init: RequestInit & { ip?: string; key?: string } = {}) {
      const headers = new Headers(init.headers);
      headers.set(clientIpHeader(), init.ip ?? freshIp());
      if (init.key) headers.set("authorization", `Bearer ${init.key}`);
      return fetch(`${state.server.url}${path}`, { ...init, headers });
    },
  };
}

/**
 * Empties a rate-limit bucket for the next few seconds (the Postgres bucket
 * refills from its stored tokens; below zero it stays dry a while): the
 * next request is answered 429 however fast the bucket refills.
 */
export async function emptyBucket(key: string) {
  const row = { tokens: -100, updatedAt: new Date() };
  await db.rateLimitBucket.upsert({ where: { key }, create: { key, ...row }, update: row });
}

export const ipBucket = (scope: string, ip: string) => `${scope}:ip:${clientBucket(ip)}`;
