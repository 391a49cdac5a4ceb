import { describe, expect, it } from "vitest";
import { canonicalJson, computeAuditHash } from "./audit-hash";

/** A double from its IEEE 754 bits, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe("RFC 8785 canonical JSON (scheme 2)", () => {
  it("matches the RFC's own sample (section 3.2.2): key order, number forms, string escapes", () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    const expected =
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],` +
      String.raw`"string":"€$\u000f\nA'B\"\\\\\"/"}`;
    expect(canonicalJson(2, JSON.parse(input))).toBe(expected);
  });

  it("sorts keys by UTF-16 code units (section 3.2.3), where localeCompare did not", () => {
    const value = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    const expected =
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
      '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}';
    expect(canonicalJson(2, value)).toBe(expected);
    expect(canonicalJson(2, { b: 1, a: 2, B: 3, Z: 4, é: 5 })).toBe('{"B":3,"Z":4,"a":2,"b":1,"é":5}');
    expect(canonicalJson(1, { b: 1, a: 2, B: 3, Z: 4, é: 5 })).not.toBe('{"B":3,"Z":4,"a":2,"b":1,"é":5}');
  });

  it("serialises numbers as ECMAScript does (Appendix B), with -0 as 0 and 1e21 as 1e+21", () => {
    const cases: [string, string][] = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["44b52d02c7e14af7", "1.0000000000000001e+23"],
      ["444b1ae4d6e2ef4e", "999999999999999700000"],
      ["444b1ae4d6e2ef4f", "999999999999999900000"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555554", "333333333.33333325"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, text] of cases) expect(canonicalJson(2, [fromBits(bits)])).toBe(`[${text}]`);
    expect(canonicalJson(2, { n: 1e21, z: -0 })).toBe('{"n":1e+21,"z":0}');
    expect(() => canonicalJson(2, { n: Number.NaN })).toThrow();
    expect(() => canonicalJson(2, { n: Number.POSITIVE_INFINITY })).toThrow();
  });

  it("leaves U+2028/U+2029 and non-ASCII unescaped, escapes controls in lower-case hex", () => {
    expect(canonicalJson(2, { s: "\u2028\u2029é😀" })).toBe('{"s":"\u2028\u2029é😀"}');
    expect(canonicalJson(2, { s: '\b\f\n\r\t\u0000\u001f"\\' })).toBe(String.raw`{"s":"\b\f\n\r\t\u0000\u001f\"\\"}`);
    expect(() => canonicalJson(2, { s: "\ud800" })).toThrow(/surrogate/i);
  });
});

describe("audit row hash", () => {
  const base = { orgId: "org-1", actorUserId: null, action: "credits.granted", target: null };
  const createdAt = new Date("2026-11-30T12:00:00.000Z");

  it("does not depend on key order at any depth, but on every value", () => {
    const a = { amount: 5, meta: { b: [1, { y: 2, x: 1 }], a: "é" } };
    const b = { meta: { a: "é", b: [1, { x: 1, y: 2 }] }, amount: 5 };
    const hash = (data: unknown, scheme: 1 | 2 = 2) =>
      computeAuditHash({ scheme, prevHash: "p", fields: { ...base, data }, createdAt });
    expect(hash(a)).toBe(hash(b));
    expect(hash(a)).not.toBe(hash({ ...a, meta: { ...a.meta, b: [1, { y: 2, x: 2 }] } }));
    expect(hash(a)).not.toBe(hash({ ...a, meta: { ...a.meta, b: [{ y: 2, x: 1 }, 1] } }));
    expect(hash(a, 1)).not.toBe(hash(a, 2));
  });

  it("covers the predecessor and the time", () => {
    const fields = { ...base, data: {} };
    const h = computeAuditHash({ scheme: 2, prevHash: null, fields, createdAt });
    expect(computeAuditHash({ scheme: 2, prevHash: "x", fields, createdAt })).not.toBe(h);
    expect(
      computeAuditHash({ scheme: 2, prevHash: null, fields, createdAt: new Date(createdAt.getTime() + 1) }),
    ).not.toBe(h);
  });
});
