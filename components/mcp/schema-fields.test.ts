import { describe, expect, it } from "vitest";
import { argumentsFrom, fieldsOf, initialValues } from "./schema-fields";

const schema = {
  type: "object",
  properties: {
    agent: { type: "string", maxLength: 100, description: "A slug." },
    message: { type: "string", maxLength: 50_000 },
    limit: { type: "integer", minimum: 1, maximum: 50, default: 20 },
    state: { type: "string", enum: ["pending", "approved"], default: "pending" },
    input: { type: "object", additionalProperties: {} },
    strict: { type: "boolean" },
  },
  required: ["message"],
};

describe("tool input forms from JSON Schema", () => {
  it("reads each property into a control with its label, default and limits", () => {
    const fields = fieldsOf(schema);
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["agent", "text", false],
      ["message", "text", true],
      ["limit", "number", false],
      ["state", "enum", false],
      ["input", "json", false],
      ["strict", "boolean", false],
    ]);
    expect(fields[1]).toMatchObject({ label: "Message", multiline: true });
    expect(fields[0]).toMatchObject({ multiline: false, description: "A slug." });
    expect(initialValues(fields)).toEqual({
      agent: "",
      message: "",
      limit: "20",
      state: "pending",
      input: "",
      strict: false,
    });
  });

  it("turns values into arguments, leaving empty optional fields out, and names what to fix", () => {
    const fields = fieldsOf(schema);
    expect(argumentsFrom(fields, { ...initialValues(fields), message: " Hello ", input: '{"topic":"tides"}' })).toEqual(
      {
        ok: true,
        args: { message: "Hello", limit: 20, state: "pending", input: { topic: "tides" }, strict: false },
      },
    );
    expect(argumentsFrom(fields, { ...initialValues(fields), limit: "2.5", input: "{oops" })).toEqual({
      ok: false,
      errors: { message: "Required.", limit: "A whole number.", input: "Not valid JSON." },
    });
    expect(argumentsFrom(fields, { ...initialValues(fields), message: "x", limit: "99" })).toEqual({
      ok: false,
      errors: { limit: "At most 50." },
    });
  });
});
