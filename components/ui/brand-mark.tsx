import { cn } from "./cn";

/** The letter's outline, the same as in app/icon.svg (an outer shape with two counters, even-odd). */
const B_PATH = [
  "M10 7h7.6c3.5 0 5.5 1.9 5.5 4.6 0 1.8-1 3.2-2.6 3.8 2.1.5 3.6 2.2 3.6 4.5 0 3.1-2.3 5.1-6.1 5.1H10Z",
  "m3.6 3v4.1H17c1.6 0 2.4-.8 2.4-2.05S18.6 10 17 10Z",
  "m0 6.9V22h3.8c1.9 0 2.9-.9 2.9-2.55s-1-2.55-2.9-2.55Z",
].join("");

/** The Bureau "B" in the primary colour: the app icon (app/icon.svg) as an element. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-7 shrink-0", className)}>
      <rect width="32" height="32" rx="7" className="fill-primary" />
      <path className="fill-primary-foreground" fillRule="evenodd" d={B_PATH} />
    </svg>
  );
}
