/** "$45.00" from integer cents and an ISO currency code. */
export function formatMoney(cents: number, currency = "usd"): string {
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: currency.toUpperCase() });
}

/** What one credit of a pack costs, with the fraction of a cent kept: "$0.009". */
export function formatPricePerCredit(priceCents: number, credits: number, currency = "usd"): string {
  return (priceCents / credits / 100).toLocaleString("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  });
}
