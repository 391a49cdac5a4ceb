import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function AppLoading() {
  return <PageSkeleton label="Loading the page…" />;
}
