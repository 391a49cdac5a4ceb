/**
 * The first message the server's input validation gave for `field`
 * (errorFormatter's zodError), for showing under that form control.
 */
export function fieldError(
  error: { data?: { zodError?: { fieldErrors: object } | null } | null } | null,
  field: string,
): string | undefined {
  const errors: Partial<Record<string, string[]>> = error?.data?.zodError?.fieldErrors ?? {};
  return errors[field]?.[0];
}
