import { FlaskConical } from "lucide-react";
import { Badge } from "@/components/ui/badge";

/** A seller's free sandbox run of its own draft: never billed, not counted in the agent's numbers. */
export const isTestRun = (source: string) => source === "SANDBOX";

/** The door a run came through, when it is worth saying (not the app's own run form, not a test run). */
export const viaDoor = (source: string): string | null => (source === "UI" || isTestRun(source) ? null : source);

export function TestRunBadge() {
  return (
    <Badge variant="secondary" data-testid="test-run-badge" title="A free test run of your draft; nothing is billed">
      <FlaskConical aria-hidden />
      Test run
    </Badge>
  );
}
