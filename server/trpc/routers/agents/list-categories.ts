import "server-only";
import { catalogCategories } from "../../../services/registry/catalog-facets";
import { protectedProcedure } from "../../init";
import { ZListCategoriesResponseSchema } from "./list-categories.types";

export const listCategoriesProcedure = protectedProcedure
  .output(ZListCategoriesResponseSchema)
  .query(() => catalogCategories());
