import { describe, expect, it } from "vitest";
import { managerRequestText } from "@/server/services/company/manager/prompt";
import { askCompany } from "./manager-fixture";

describe("the manager's prompt and the company's knowledge", () => {
  it("lists what the company knows that bears on the request, and nothing when it knows nothing", () => {
    const input = askCompany("Draft the renewal letter for Northwind Traders");
    expect(managerRequestText(input)).not.toContain("What the company knows");
    const withKnowledge = managerRequestText({
      ...input,
      knowledge: [{ entity: "Northwind Traders", text: "Renews its contract every March." }],
    });
    expect(withKnowledge).toContain(
      "What the company knows that may bear on it:\n- Northwind Traders: Renews its contract every March.",
    );
    // The request comes last, after the staff and the knowledge.
    expect(withKnowledge.indexOf("What the company knows")).toBeLessThan(withKnowledge.indexOf("The request:"));
  });
});
