import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Every problem Bureau found in a card, one per line. */
export function CardErrors({ errors }: { errors: string[] }) {
  return (
    <Alert variant="destructive" icon={<TriangleAlert />} data-testid="card-errors">
      <AlertTitle>
        {errors.length === 1 ? "The card has a problem" : `The card has ${errors.length} problems`}
      </AlertTitle>
      <AlertDescription>
        <ul className="mt-1 list-disc space-y-0.5 pl-4">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </AlertDescription>
    </Alert>
  );
}
