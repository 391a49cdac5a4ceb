import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { notFound, StripeHttpError } from "./form";
import type { ZAccountCreate, ZCheckoutSessionCreate, ZTransferCreate } from "./params";

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const now = () => Math.floor(Date.now() / 1000);

export const ONBOARDING_REQUIREMENTS = [
  "business_profile.url",
  "external_account",
  "representative.first_name",
  "tos_acceptance.date",
];

export interface Session {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_total: number;
  currency: string;
  metadata: Record<string, string>;
  client_reference_id: string | null;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  payment_intent: string | null;
  created: number;
  livemode: false;
}
export interface PaymentIntent {
  id: string;
  object: "payment_intent";
  amount: number;
  currency: string;
  status: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
}
export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  refunded: boolean;
  currency: string;
  paid: true;
  status: "succeeded";
  receipt_url: string;
  payment_intent: string;
  created: number;
}
export interface Account {
  id: string;
  object: "account";
  type: "express";
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  capabilities: { transfers: "active" | "inactive" };
  metadata: Record<string, string>;
  created: number;
  requirements: {
    currently_due: string[];
    eventually_due: string[];
    past_due: string[];
    disabled_reason: string | null;
    current_deadline: number | null;
  };
}
export interface Transfer {
  id: string;
  object: "transfer";
  amount: number;
  currency: string;
  destination: string;
  transfer_group: string | null;
  metadata: Record<string, string>;
  created: number;
  reversed: false;
}
export interface AccountLink {
  id: string;
  account: string;
  return_url: string;
  refresh_url: string;
}

export interface StripeEvent {
  id: string;
  object: "event";
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  account?: string;
  data: { object: unknown };
}

/** In-memory Stripe objects and the state changes Stripe itself would make (payments, refunds, onboarding). */
export class LocalStripeState {
  readonly sessions = new Map<string, Session>();
  readonly intents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly accounts = new Map<string, Account>();
  readonly links = new Map<string, AccountLink>();
  readonly transfers = new Map<string, Transfer>();
  /** payment_intent_data.metadata of each open session, for the intent created when it is paid. */
  private readonly pendingIntentMetadata = new Map<string, Record<string, string>>();
  /** payment_intent_data.metadata of each open session, for the intent created when it is paid. */
  constructor(private readonly baseUrl: () => string) {}

  event(type: string, object: unknown, account?: string): StripeEvent {
    return {
      id: id("evt"),
      object: "event",
      type,
      created: now(),
      livemode: false,
      api_version: "2026-10-28.endive",
      ...(account ? { account } : {}),
      data: { object },
    };
  }

  createSession(p: z.infer<typeof ZCheckoutSessionCreate>): Session {
    const sessionId = id("cs");
    const amount = p.line_items.reduce((sum, item) => sum + item.quantity * item.price_data.unit_amount, 0);
    const session: Session = {
      id: sessionId,
      object: "checkout.session",
      mode: p.mode,
      status: "open",
      payment_status: "unpaid",
      amount_total: amount,
      currency: p.line_items[0]!.price_data.currency,
      metadata: p.metadata ?? {},
      client_reference_id: p.client_reference_id ?? null,
      success_url: p.success_url,
      cancel_url: p.cancel_url ?? null,
      url: `${this.baseUrl()}/checkout/pay/${sessionId}`,
      payment_intent: null,
      created: now(),
      livemode: false,
    };
    this.sessions.set(sessionId, session);
    this.pendingIntentMetadata.set(sessionId, p.payment_intent_data?.metadata ?? {});
    return session;
  }

  session(sessionId: string): Session {
    const session = this.sessions.get(sessionId);
    if (!session) throw notFound("checkout.session", sessionId);
    return session;
  }

  /** The buyer pays. With asyncPayment the session completes unpaid (bank debit) until succeedAsyncPayment. */
  completeCheckout(sessionId: string, opts: { asyncPayment?: boolean } = {}): StripeEvent {
    const session = this.session(sessionId);
    session.status = "complete";
    session.url = null;
    if (!opts.asyncPayment) this.pay(session);
    return this.event("checkout.session.completed", { ...session });
  }

  succeedAsyncPayment(sessionId: string): StripeEvent {
    const session = this.session(sessionId);
    this.pay(session);
    return this.event("checkout.session.async_payment_succeeded", { ...session });
  }

  expireCheckout(sessionId: string): StripeEvent {
    const session = this.session(sessionId);
    session.status = "expired";
    session.url = null;
    return this.event("checkout.session.expired", { ...session });
  }

  private pay(session: Session) {
    const intent: PaymentIntent = {
      id: id("pi"),
      object: "payment_intent",
      amount: session.amount_total,
      currency: session.currency,
      status: "succeeded",
      metadata: this.pendingIntentMetadata.get(session.id) ?? {},
      latest_charge: null,
    };
    const charge: Charge = {
      id: id("ch"),
      object: "charge",
      amount: session.amount_total,
      amount_refunded: 0,
      refunded: false,
      currency: session.currency,
      paid: true,
      status: "succeeded",
      receipt_url: `${this.baseUrl()}/receipts/${session.id}`,
      payment_intent: intent.id,
      created: now(),
    };
    intent.latest_charge = charge.id;
    this.intents.set(intent.id, intent);
    this.charges.set(charge.id, charge);
    session.payment_status = "paid";
    session.payment_intent = intent.id;
  }

  charge(chargeId: string): Charge {
    const charge = this.charges.get(chargeId);
    if (!charge) throw notFound("charge", chargeId);
    return charge;
  }

  /** Refunds `amount` cents more (default: the rest) of a charge. */
  refundCharge(chargeId: string, amount?: number): StripeEvent {
    const charge = this.charge(chargeId);
    charge.amount_refunded = Math.min(
      charge.amount,
      charge.amount_refunded + (amount ?? charge.amount - charge.amount_refunded),
    );
    charge.refunded = charge.amount_refunded === charge.amount;
    return this.event("charge.refunded", { ...charge });
  }

  chargeOfSession(sessionId: string): Charge {
    const intent = this.intents.get(this.session(sessionId).payment_intent ?? "");
    return this.charge(intent?.latest_charge ?? "");
  }

  createAccount(p: z.infer<typeof ZAccountCreate>): Account {
    const account: Account = {
      id: id("acct"),
      object: "account",
      type: "express",
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
      capabilities: { transfers: "inactive" },
      metadata: p.metadata ?? {},
      created: now(),
      requirements: {
        currently_due: [...ONBOARDING_REQUIREMENTS],
        eventually_due: [...ONBOARDING_REQUIREMENTS],
        past_due: [],
        disabled_reason: "requirements.past_due",
        current_deadline: null,
      },
    };
    this.accounts.set(account.id, account);
    return account;
  }

  account(accountId: string): Account {
    const account = this.accounts.get(accountId);
    if (!account) throw notFound("account", accountId);
    return account;
  }

  /** The seller submits onboarding: "partial" leaves the bank account due, "complete" enables payouts. */
  submitOnboarding(accountId: string, outcome: "partial" | "complete"): StripeEvent {
    const account = this.account(accountId);
    const due = outcome === "complete" ? [] : ["external_account"];
    account.details_submitted = true;
    account.charges_enabled = outcome === "complete";
    account.payouts_enabled = outcome === "complete";
    account.capabilities.transfers = outcome === "complete" ? "active" : "inactive";
    account.requirements = {
      currently_due: due,
      eventually_due: due,
      past_due: [],
      disabled_reason: outcome === "complete" ? null : "requirements.pending_verification",
      current_deadline: null,
    };
    return this.event("account.updated", { ...account }, account.id);
  }

  createLink(account: string, urls: { return_url: string; refresh_url: string }): AccountLink {
    this.account(account);
    const link = { id: id("link"), account, ...urls };
    this.links.set(link.id, link);
    return link;
  }

  createTransfer(p: z.infer<typeof ZTransferCreate>): Transfer {
    const destination = this.account(p.destination);
    if (destination.capabilities.transfers !== "active") {
      throw new StripeHttpError(400, {
        error: {
          type: "invalid_request_error",
          code: "insufficient_capabilities_for_transfer",
          param: "destination",
          message:
            "Your destination account needs to have at least one of the following capabilities enabled: transfers.",
        },
      });
    }
    const transfer: Transfer = {
      id: id("tr"),
      object: "transfer",
      amount: p.amount,
      currency: p.currency,
      destination: p.destination,
      transfer_group: p.transfer_group ?? null,
      metadata: p.metadata ?? {},
      created: now(),
      reversed: false,
    };
    this.transfers.set(transfer.id, transfer);
    return transfer;
  }
}
