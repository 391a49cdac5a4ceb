/** "$45.00" from integer cents and an ISO currency code. */
export function formatMoney(cents: number, currency = "usd"): string {
  return (cents / 100).toLocaleString("en-US", { style: "currency", currency: currency.toUpperCase() });
}
