import { CompanyView } from "@/components/company/company-view";

export const metadata = { title: "Company" };

export default function CompanyPage() {
  return <CompanyView />;
}
