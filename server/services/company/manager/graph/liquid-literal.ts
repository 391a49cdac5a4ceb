import "server-only";

/**
 * Text placed in a Liquid template so that it renders as itself. A request
 * may contain "{{" or "{%" (pasted code, a template); each such brace is
 * emitted through an output tag, `{{ "{" }}`, so nothing a requester typed is
 * ever read as Liquid.
 */
export const liquidLiteral = (text: string): string => text.replace(/\{(?=[{%])/g, '{{ "{" }}');

/**
 * The literal of the text in at most `max` characters (templates are capped
 * at 20,000), cut at the end with a note when the text is longer.
 */
export function liquidLiteralWithin(text: string, max: number): string {
  let escaped = liquidLiteral(text);
  for (let keep = text.length; escaped.length > max;) {
    keep = Math.floor(keep * 0.9);
    escaped = `${liquidLiteral(text.slice(0, keep))}… (cut: the text is longer than a step's message may be)`;
  }
  return escaped;
}
