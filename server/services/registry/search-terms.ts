import "server-only";
/** Words of a query: letters and digits only, so they are safe inside a tsquery. */
export function queryWords(q: string, max = 12): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, max);
}
