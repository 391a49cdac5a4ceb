import { formatCredits } from "@/components/format";

/** "25 cr" or "40–120 cr": what one run may cost, from the listed prices. */
export function formatPriceRange(range: { minCredits: number; maxCredits: number }): string {
  return range.minCredits === range.maxCredits
    ? `${formatCredits(range.minCredits)} cr`
    : `${formatCredits(range.minCredits)}–${formatCredits(range.maxCredits)} cr`;
}

/** "content" → "Content", "customer-support" → "Customer support". */
export function categoryLabel(category: string): string {
  const words = category.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
