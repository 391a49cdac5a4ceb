import type { AccountLink, Session } from "./state";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem;color:#1a1f36}
.card{border:1px solid #e3e8ee;border-radius:12px;padding:1.5rem}` +
    "button{font:inherit;padding:.6rem 1rem;border-radius:8px;border:0;background:#635bff;color:#fff;" +
    `cursor:pointer;margin:.25rem 0;width:100%}
button.secondary{background:#fff;color:#1a1f36;border:1px solid #e3e8ee}small{color:#697386}</style></head>
<body><p><small>Local Stripe (test mode)</small></p><div class="card">${body}</div></body></html>`
  );
}

/** The hosted Checkout page a buyer is redirected to. */
export function checkoutPage(session: Session, productName: string): string {
  const amount = (session.amount_total / 100).toLocaleString("en-US", {
    style: "currency",
    currency: session.currency.toUpperCase(),
  });
  return page(
    "Checkout",
    `<h1>Pay ${escape(amount)}</h1><p>${escape(productName)}</p>
<form method="post"><button type="submit">Pay ${escape(amount)}</button></form>
${session.cancel_url ? `<p><a href="${escape(session.cancel_url)}">Cancel and return</a></p>` : ""}`,
  );
}

/** The hosted Connect onboarding page an account link opens. */
export function onboardingPage(link: AccountLink): string {
  return page(
    "Onboarding",
    `<h1>Set up payouts</h1><p>Account <code>${escape(link.account)}</code></p>
<form method="post"><input type="hidden" name="outcome" value="partial">` +
      '<button type="submit">Submit details (add bank account later)</button></form>\n' +
      '<form method="post"><input type="hidden" name="outcome" value="complete">' +
      '<button type="submit" class="secondary">Complete onboarding</button></form>',
  );
}
