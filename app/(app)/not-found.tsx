import { NotFoundPanel } from "@/components/ui/route-states";

/** notFound() from a signed-in page (a record id that is not the org's, a malformed one): inside the app shell. */
export default function AppNotFound() {
  return (
    <NotFoundPanel
      title="Not found"
      description={
        "Nothing at this address belongs to your organization. " +
        "It may have been removed, or the link may be mistyped."
      }
      places={[
        { href: "/dashboard", label: "Go to the dashboard" },
        { href: "/marketplace", label: "Browse the marketplace" },
      ]}
    />
  );
}
