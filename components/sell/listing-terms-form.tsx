"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { CATEGORY_SLUGS, type CategorySlug } from "@/server/schemas/categories";
import { CategoryPicker, parseTags } from "./category-picker";

const isCategory = (slug: string): slug is CategorySlug => (CATEGORY_SLUGS as readonly string[]).includes(slug);

export function ListingTermsForm(props: {
  orgId: string;
  agentId: string;
  canManage: boolean;
  initial: { pricePerTask: number; categories: string[]; tags: string[] };
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [price, setPrice] = useState(String(props.initial.pricePerTask));
  const [categories, setCategories] = useState<CategorySlug[]>(props.initial.categories.filter(isCategory));
  const [tags, setTags] = useState(props.initial.tags.join(", "));
  const [priceError, setPriceError] = useState<string | undefined>();
  const update = useMutation(
    trpc.sell.update.mutationOptions({
      onSuccess: () => {
        toast.success("Terms saved.");
        props.onSaved();
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const credits = Number(price);
    if (!Number.isInteger(credits) || credits < 1) return setPriceError("Enter a whole number of credits, at least 1.");
    setPriceError(undefined);
    update.mutate({
      orgId: props.orgId,
      agentId: props.agentId,
      pricePerTask: credits,
      categories,
      tags: parseTags(tags),
    });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Terms</CardTitle>
        <CardDescription>Price changes apply to tasks started afterwards.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate className="space-y-4">
          <fieldset disabled={!props.canManage} className="space-y-4">
            <Field label="Price per task (credits)" error={priceError}>
              <Input inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} />
            </Field>
            <CategoryPicker
              value={categories}
              onChange={setCategories}
              error={categories.length === 0 ? "Choose at least one category." : undefined}
            />
            <Field label="Tags" description="Comma-separated.">
              <Input value={tags} onChange={(e) => setTags(e.target.value)} />
            </Field>
          </fieldset>
          {update.error ? (
            <Alert variant="destructive">
              <AlertDescription>{update.error.message}</AlertDescription>
            </Alert>
          ) : null}
          {props.canManage ? (
            <Button type="submit" loading={update.isPending} disabled={categories.length === 0}>
              Save terms
            </Button>
          ) : null}
        </form>
      </CardContent>
    </Card>
  );
}
