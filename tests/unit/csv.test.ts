import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, csvRow } from "@/server/http/csv";

describe("CSV cells", () => {
  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+SUM(A1)")).toBe("'+SUM(A1)");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("\rx")).toBe(`"'\rx"`);
    expect(csvCell('=HYPERLINK("http://evil.test")')).toBe(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks, and keeps numbers as numbers", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(-250)).toBe("-250");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["x", 1, null, "=y"])).toBe("x,1,,'=y\r\n");
  });

  it("builds header-safe file names", () => {
    expect(csvFileName("bureau-statement", 'Acme "Corp"; x=1', "2026-11-24")).toBe(
      "bureau-statement-acme-corp-x-1-2026-11-24.csv",
    );
    expect(csvFileName("", "")).toBe("export.csv");
  });
});
