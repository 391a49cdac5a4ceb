import { describe, expect, it } from "vitest";
import { catalogHref, parseCatalogParams, PRICE_ORDER_MESSAGE } from "@/components/marketplace/catalog-params";

const parse = (query: string) => parseCatalogParams(new URLSearchParams(query));

describe("marketplace URL", () => {
  it("reads search, filters, sort and the pages walked into the search service's query", () => {
    const state = parse(
      "q=contract+review&category=finance&sort=price_asc&minPrice=10&maxPrice=90&minRating=4.5" +
        "&streaming=true&after=c1&after=c2",
    );
    expect(state.errors).toEqual({});
    expect(state.after).toEqual(["c1", "c2"]);
    expect(state.query).toEqual({
      q: "contract review",
      category: "finance",
      sort: "price_asc",
      minPrice: 10,
      maxPrice: 90,
      minRating: 4.5,
      streaming: true,
      cursor: "c2",
      limit: 12,
    });
  });

  it("gives each unusable value a sentence for its field and leaves it out of the search", () => {
    expect(parse("minPrice=abc").errors).toEqual({ minPrice: "Enter a whole number of credits, like 50." });
    expect(parse("minPrice=abc").query.minPrice).toBeUndefined();
    expect(parse("maxPrice=-5").errors.maxPrice).toBe("Enter a whole number of credits, like 50.");
    expect(parse("maxPrice=99999999").errors.maxPrice).toBe("Prices go up to 1,000,000 credits.");
    const crossed = parse("minPrice=100&maxPrice=10");
    expect(crossed.errors).toEqual({ minPrice: PRICE_ORDER_MESSAGE });
    expect(crossed.query).toEqual({ limit: 12 });
    expect(parse("category=spaceships").errors.category).toMatch(/no such category/);
    expect(parse("sort=random").errors.sort).toBe("Choose a sort order from the list.");
    expect(parse("minRating=lots").errors.minRating).toBe("Choose a rating from the list.");
    expect(parse("streaming=maybe").errors.streaming).toBe("Tick or clear the box.");
    expect(parse(`q=${"x".repeat(201)}`).errors.q).toBe("Keep the search under 200 characters.");
    expect(parse("capability=a%00b").errors.capability).toMatch(/NUL/);
  });

  it("drops Best match without a search, and a malformed page cursor", () => {
    expect(parse("sort=relevance").query.sort).toBeUndefined();
    const bad = parse("q=x&after=not%20a%20cursor");
    expect(bad.after).toEqual([]);
    expect(bad.query.cursor).toBeUndefined();
  });

  it("writes URLs with only the set values; any change but paging starts from page one", () => {
    const { values } = parse("q=invoice&category=finance&after=c1");
    expect(catalogHref(values)).toBe("/marketplace?q=invoice&category=finance");
    expect(catalogHref(values, { category: "" })).toBe("/marketplace?q=invoice");
    expect(catalogHref(values, {}, ["c1", "c2"])).toBe("/marketplace?q=invoice&category=finance&after=c1&after=c2");
    // What it writes, it reads back.
    expect(parse(catalogHref(values, { minPrice: "5" }).split("?")[1]!).query).toMatchObject({
      q: "invoice",
      category: "finance",
      minPrice: 5,
    });
  });
});
