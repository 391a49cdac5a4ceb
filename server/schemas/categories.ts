/**
 * The marketplace's categories. Sellers choose from these; buyers browse by
 * them. Slugs are stored on Agent.categories.
 */
export const CATEGORIES = [
  { slug: "research", label: "Research" },
  { slug: "writing", label: "Writing" },
  { slug: "data-analytics", label: "Data & analytics" },
  { slug: "customer-support", label: "Customer support" },
  { slug: "legal-compliance", label: "Legal & compliance" },
  { slug: "finance", label: "Finance" },
  { slug: "engineering", label: "Engineering" },
  { slug: "marketing", label: "Marketing" },
  { slug: "hr-recruiting", label: "HR & recruiting" },
  { slug: "translation", label: "Translation" },
  { slug: "sales", label: "Sales" },
  { slug: "operations", label: "Operations" },
] as const;

export type CategorySlug = (typeof CATEGORIES)[number]["slug"];
export const CATEGORY_SLUGS = CATEGORIES.map((c) => c.slug) as [CategorySlug, ...CategorySlug[]];

export function categoryLabel(slug: string): string {
  return CATEGORIES.find((c) => c.slug === slug)?.label ?? slug;
}
