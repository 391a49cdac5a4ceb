const LABELS: Record<string, string> = {
  external_account: "Bank account for payouts",
  "business_profile.url": "Business website",
  "business_profile.mcc": "Business category",
  "business_profile.product_description": "Description of what you sell",
  "representative.first_name": "Representative's name",
  "representative.last_name": "Representative's name",
  "representative.dob.day": "Representative's date of birth",
  "representative.verification.document": "Representative's ID document",
  "individual.verification.document": "ID document",
  "company.tax_id": "Company tax ID",
  "tos_acceptance.date": "Acceptance of Stripe's terms",
};

/** A seller-readable name for a Stripe requirement id ("external_account" -> "Bank account for payouts"). */
export function requirementLabel(id: string): string {
  if (LABELS[id]) return LABELS[id];
  const words = id
    .split(/[._]/)
    .filter((w) => !/^\d+$/.test(w))
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
