import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import type { z } from "zod";
import {
  notFound,
  parseParams,
  parseStripeForm,
  StripeHttpError,
  type FormObject,
  type StripeErrorBody,
} from "./stripe/form";
import { checkoutPage, onboardingPage } from "./stripe/pages";
import * as P from "./stripe/params";
import { LocalStripeState, type StripeEvent } from "./stripe/state";

/**
 * A local stand-in for the parts of Stripe's API Bureau calls, for the real
 * `stripe` SDK to talk to (STRIPE_API_BASE_URL). Like Stripe it decodes form
 * parameters, refuses unknown or missing ones with Stripe-shaped 400s,
 * replays a response for a repeated Idempotency-Key, and signs webhook
 * events with the SDK's test header helper. It also serves hosted Checkout
 * and Connect onboarding pages for browser tests, and can be told to fail
 * the next call of an operation.
 */

export type Operation =
  | "checkout.sessions.create"
  | "checkout.sessions.retrieve"
  | "charges.retrieve"
  | "accounts.create"
  | "accounts.retrieve"
  | "accountLinks.create"
  | "transfers.create"
  | "transfers.list";

export interface LoggedRequest {
  operation: Operation;
  params: FormObject;
  idempotencyKey: string | null;
  status: number;
  replayed: boolean;
}

export interface LocalStripeOptions {
  port?: number;
  /** Secrets the hosted pages sign their follow-up webhooks with. */
  webhookSecret?: string;
  connectWebhookSecret?: string;
  /** Pause before a hosted page's webhook is sent, as Stripe's arrive after the redirect. */
  webhookDelayMs?: number;
}

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  operation: Operation;
  /** Validates the params (throwing Stripe's 400) and returns the operation, not yet run. */
  prepare: (params: FormObject, id: string) => () => unknown;
}

function route<S extends z.ZodType>(
  method: Route["method"],
  pattern: RegExp,
  operation: Operation,
  schema: S,
  run: (params: z.infer<S>, id: string) => unknown,
): Route {
  return {
    method,
    pattern,
    operation,
    prepare: (params, id) => {
      const parsed = parseParams(schema, params);
      return () => run(parsed, id);
    },
  };
}

export class LocalStripe {
  readonly state = new LocalStripeState(() => this.url);
  readonly requests: LoggedRequest[] = [];
  private readonly idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  private readonly failures = new Map<Operation, StripeErrorBody & { status: number }>();
  private readonly deliveries = new Set<Promise<unknown>>();
  private server: Server | null = null;
  url = "";

  constructor(readonly options: LocalStripeOptions = {}) {}

  private readonly routes: Route[] = [
    route("POST", /^\/v1\/checkout\/sessions$/, "checkout.sessions.create", P.ZCheckoutSessionCreate, (p) =>
      this.state.createSession(p),
    ),
    route(
      "GET",
      /^\/v1\/checkout\/sessions\/([\w-]+)$/,
      "checkout.sessions.retrieve",
      P.ZCheckoutSessionRetrieve,
      (p, id) => this.expandSession(id, p.expand ?? []),
    ),
    route("GET", /^\/v1\/charges\/([\w-]+)$/, "charges.retrieve", P.ZChargeRetrieve, (p, id) =>
      this.expandCharge(id, p.expand ?? []),
    ),
    route("POST", /^\/v1\/accounts$/, "accounts.create", P.ZAccountCreate, (p) => this.state.createAccount(p)),
    route("GET", /^\/v1\/accounts\/([\w-]+)$/, "accounts.retrieve", P.ZPlainRetrieve, (_p, id) =>
      this.state.account(id),
    ),
    route("POST", /^\/v1\/account_links$/, "accountLinks.create", P.ZAccountLinkCreate, (p) => this.createLink(p)),
    route("POST", /^\/v1\/transfers$/, "transfers.create", P.ZTransferCreate, (p) => this.state.createTransfer(p)),
    route("GET", /^\/v1\/transfers$/, "transfers.list", P.ZTransferList, (p) => this.listTransfers(p)),
  ];

  /** The next call of `operation` fails with this Stripe error (default: a 400 balance_insufficient). */
  failNext(operation: Operation, error?: { status?: number; type?: string; code?: string; message?: string }) {
    this.failures.set(operation, {
      status: error?.status ?? 400,
      error: {
        type: error?.type ?? "invalid_request_error",
        code: error?.code ?? "balance_insufficient",
        message: error?.message ?? "You have insufficient available funds in your Stripe account.",
      },
    });
  }

  callsOf(operation: Operation): LoggedRequest[] {
    return this.requests.filter((r) => r.operation === operation);
  }

  /** Headers and body of a webhook delivery signed like Stripe (timestamp in seconds, default now). */
  signedWebhook(event: StripeEvent | object, secret: string, opts: { timestamp?: number } = {}) {
    const body = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret,
      ...(opts.timestamp ? { timestamp: opts.timestamp } : {}),
    });
    return { body, headers: { "content-type": "application/json", "stripe-signature": signature } };
  }

  /** Posts a signed event to a real route, as Stripe would. */
  async deliver(
    url: string,
    event: StripeEvent | object,
    secret: string,
    opts: { timestamp?: number } = {},
  ): Promise<Response> {
    const { body, headers } = this.signedWebhook(event, secret, opts);
    return fetch(url, { method: "POST", headers, body });
  }

  async listen(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject).listen(this.options.port ?? 0, "127.0.0.1", resolve);
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.deliveries]);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private expandSession(id: string, expand: string[]) {
    const session = this.state.session(id);
    if (!session.payment_intent || !expand.some((e) => e.startsWith("payment_intent"))) return session;
    const intent = this.state.intents.get(session.payment_intent)!;
    const charge =
      expand.includes("payment_intent.latest_charge") && intent.latest_charge
        ? this.state.charge(intent.latest_charge)
        : intent.latest_charge;
    return { ...session, payment_intent: { ...intent, latest_charge: charge } };
  }

  private expandCharge(id: string, expand: string[]) {
    const charge = this.state.charge(id);
    return expand.includes("payment_intent")
      ? { ...charge, payment_intent: this.state.intents.get(charge.payment_intent) }
      : charge;
  }

  private createLink(p: z.infer<typeof P.ZAccountLinkCreate>) {
    const link = this.state.createLink(p.account, { return_url: p.return_url, refresh_url: p.refresh_url });
    return {
      object: "account_link",
      url: `${this.url}/connect/onboarding/${link.id}`,
      created: Math.floor(Date.now() / 1000),
      expires_at: Math.floor(Date.now() / 1000) + 300,
    };
  }

  private listTransfers(p: z.infer<typeof P.ZTransferList>) {
    const data = [...this.state.transfers.values()]
      .filter(
        (t) =>
          (!p.transfer_group || t.transfer_group === p.transfer_group) &&
          (!p.destination || t.destination === p.destination),
      )
      .reverse()
      .slice(0, p.limit ?? 10);
    return { object: "list", data, has_more: false, url: "/v1/transfers" };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", this.url);
    try {
      if (url.pathname.startsWith("/v1/")) return this.api(req, res, url, body);
      if (this.page(req, res, url, body)) return;
      send(res, 404, {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` },
      });
    } catch (error) {
      if (error instanceof StripeHttpError) return send(res, error.status, error.body);
      send(res, 500, { error: { type: "api_error", message: error instanceof Error ? error.message : "error" } });
    }
  }

  private api(req: IncomingMessage, res: ServerResponse, url: URL, body: string) {
    if (!/^Bearer (sk|rk)_test_/.test(req.headers.authorization ?? "")) {
      return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
    }
    const match = this.routes
      .map((r) => ({ r, m: req.method === r.method ? r.pattern.exec(url.pathname) : null }))
      .find((x) => x.m);
    if (!match?.m)
      return send(res, 404, {
        error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${url.pathname}).` },
      });
    const { r: route, m } = match;
    const params = parseStripeForm(req.method === "GET" ? url.search.slice(1) : body);
    const key = req.method === "POST" ? (header(req, "idempotency-key") ?? null) : null;
    const fingerprint = `${route.operation}:${JSON.stringify(params)}`;
    const log = (status: number, replayed: boolean) =>
      this.requests.push({ operation: route.operation, params, idempotencyKey: key, status, replayed });

    const cached = key ? this.idempotent.get(key) : undefined;
    if (cached) {
      if (cached.fingerprint !== fingerprint) {
        log(400, false);
        return send(res, 400, {
          error: {
            type: "idempotency_error",
            message:
              "Keys for idempotent requests can only be used with the same parameters they were first used with. " +
              `Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        });
      }
      log(cached.status, true);
      return send(res, cached.status, cached.body, { "idempotent-replayed": "true" });
    }
    let status = 200;
    let result: unknown;
    try {
      const operation = route.prepare(params, m[1] ?? "");
      const failure = this.failures.get(route.operation);
      if (failure) {
        this.failures.delete(route.operation);
        throw new StripeHttpError(failure.status, { error: failure.error });
      }
      result = operation();
    } catch (error) {
      // Parameter errors happen before execution: Stripe stores no idempotent result for them.
      if (error instanceof StripeHttpError && error.body.error.code?.startsWith("parameter_")) {
        log(error.status, false);
        return send(res, error.status, error.body);
      }
      if (!(error instanceof StripeHttpError)) throw error;
      status = error.status;
      result = error.body;
    }
    if (key) this.idempotent.set(key, { fingerprint, status, body: result });
    log(status, false);
    send(res, status, result);
  }

  /** Hosted pages: Checkout, Connect onboarding, receipts. Returns false when the path is not one. */
  private page(req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean {
    const checkout = /^\/checkout\/pay\/([\w-]+)$/.exec(url.pathname);
    if (checkout) {
      const session = this.state.session(checkout[1]!);
      if (req.method === "GET") return html(res, checkoutPage(session, "Bureau credits"));
      const event = this.state.completeCheckout(session.id);
      this.later(new URL("/api/stripe/webhook", session.success_url).toString(), event, this.options.webhookSecret);
      return redirect(res, session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id));
    }
    const onboarding = /^\/connect\/onboarding\/([\w-]+)$/.exec(url.pathname);
    if (onboarding) {
      const link = this.state.links.get(onboarding[1]!);
      if (!link) throw notFound("account_link", onboarding[1]!);
      if (req.method === "GET") return html(res, onboardingPage(link));
      const outcome = new URLSearchParams(body).get("outcome") === "complete" ? "complete" : "partial";
      const event = this.state.submitOnboarding(link.account, outcome);
      this.later(
        new URL("/api/stripe/connect-webhook", link.return_url).toString(),
        event,
        this.options.connectWebhookSecret,
      );
      return redirect(res, link.return_url);
    }
    if (/^\/receipts\/[\w-]+$/.test(url.pathname))
      return html(res, "<!doctype html><title>Receipt</title><h1>Receipt</h1><p>Paid, test mode.</p>");
    return false;
  }

  private later(url: string, event: StripeEvent, secret: string | undefined) {
    if (!secret) return;
    const delivery = new Promise((resolve) => setTimeout(resolve, this.options.webhookDelayMs ?? 1000))
      .then(() => this.deliver(url, event, secret))
      .catch((error: unknown) => console.error(`local stripe: webhook to ${url} failed`, error))
      .finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": `req_${randomBytes(8).toString("hex")}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, markup: string): true {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(markup);
  return true;
}

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(303, { location });
  res.end();
  return true;
}

export async function startLocalStripe(options: LocalStripeOptions = {}): Promise<LocalStripe> {
  return new LocalStripe(options).listen();
}
