/**
 * A tool's input schema (JSON Schema, as tools/list gives it) read into form
 * fields for the playground, and the form's values read back into arguments.
 * Strings, numbers, booleans and enums get their own control; anything else
 * (an object, an array) is typed as JSON.
 */
export type FieldSpec = {
  name: string;
  label: string;
  description?: string;
  required: boolean;
} & (
  | { kind: "text"; multiline: boolean; maxLength?: number; defaultValue?: string }
  | { kind: "number"; integer: boolean; minimum?: number; maximum?: number; defaultValue?: number }
  | { kind: "boolean"; defaultValue?: boolean }
  | { kind: "enum"; options: string[]; defaultValue?: string }
  | { kind: "json"; defaultValue?: unknown }
);

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  description?: string;
  title?: string;
  default?: unknown;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
};

/** Free text that reads better in a box: what the agent should do, an answer, a comment. */
const LONG_TEXT = new Set(["message", "request", "comment", "goal"]);

const labelOf = (name: string) =>
  name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .replace(/^./, (c) => c.toUpperCase());

export function fieldsOf(inputSchema: unknown): FieldSpec[] {
  const schema = (inputSchema ?? {}) as Schema;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]): FieldSpec => {
    const base = {
      name,
      label: property.title ?? labelOf(name),
      description: property.description,
      required: required.has(name),
    };
    const type = Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type;
    if (Array.isArray(property.enum) && property.enum.every((v) => typeof v === "string"))
      return {
        ...base,
        kind: "enum",
        options: property.enum as string[],
        defaultValue: typeof property.default === "string" ? property.default : undefined,
      };
    if (type === "string")
      return {
        ...base,
        kind: "text",
        multiline: LONG_TEXT.has(name) || (property.maxLength ?? 0) > 1_000,
        maxLength: property.maxLength,
        defaultValue: typeof property.default === "string" ? property.default : undefined,
      };
    if (type === "integer" || type === "number")
      return {
        ...base,
        kind: "number",
        integer: type === "integer",
        minimum: property.minimum,
        maximum: property.maximum,
        defaultValue: typeof property.default === "number" ? property.default : undefined,
      };
    if (type === "boolean")
      return {
        ...base,
        kind: "boolean",
        defaultValue: typeof property.default === "boolean" ? property.default : undefined,
      };
    return { ...base, kind: "json", defaultValue: property.default };
  });
}

export type FieldValues = Record<string, string | boolean>;

/** The form's starting values: each field's default, or empty. */
export function initialValues(fields: FieldSpec[]): FieldValues {
  return Object.fromEntries(
    fields.map((f) => [
      f.name,
      f.kind === "boolean"
        ? (f.defaultValue ?? false)
        : f.defaultValue === undefined
          ? ""
          : f.kind === "json"
            ? JSON.stringify(f.defaultValue)
            : String(f.defaultValue),
    ]),
  );
}

/**
 * The arguments to send, or the fields to fix. An empty optional field is
 * left out (the server applies its default); the server checks everything
 * again and says what is wrong in its own words.
 */
export function argumentsFrom(
  fields: FieldSpec[],
  values: FieldValues,
): { ok: true; args: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.kind === "boolean") {
      args[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (!text) {
      if (field.required) errors[field.name] = "Required.";
      continue;
    }
    if (field.kind === "number") {
      const value = Number(text);
      if (!Number.isFinite(value) || (field.integer && !Number.isInteger(value))) {
        errors[field.name] = field.integer ? "A whole number." : "A number.";
        continue;
      }
      if (field.minimum !== undefined && value < field.minimum) errors[field.name] = `At least ${field.minimum}.`;
      else if (field.maximum !== undefined && value > field.maximum) errors[field.name] = `At most ${field.maximum}.`;
      else args[field.name] = value;
    } else if (field.kind === "json") {
      try {
        args[field.name] = JSON.parse(text);
      } catch {
        errors[field.name] = "Not valid JSON.";
      }
    } else args[field.name] = text;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, args };
}
