import "server-only";
/** Every demo agent is listed by the seeded seller org, Northwind Labs. */
export const NORTHWIND = { organization: "Northwind Labs", url: "https://northwind.example" } as const;
