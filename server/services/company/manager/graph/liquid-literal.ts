import "server-only";

/**
 * Text placed in a Liquid template so that it renders as itself. A request
 * may contain "{{" or "{%" (pasted code, a template); each such brace is
 * emitted through an output tag, `{{ "{" }}`, so nothing a requester typed is
 * ever read as Liquid.
 */
export const liquidLiteral = (text: string): string => text.replace(/\{(?=[{%])/g, '{{ "{" }}');
