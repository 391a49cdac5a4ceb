"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowLeft, Link2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { CategorySlug } from "@/server/schemas/categories";
import { CardErrors } from "./card-errors";
import { CategoryPicker, parseTags } from "./category-picker";

export function NewListingForm() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<"url" | "json">("url");
  const [url, setUrl] = useState("");
  const [text, setText] = useState("");
  const [price, setPrice] = useState("");
  const [categories, setCategories] = useState<CategorySlug[]>([]);
  const [tags, setTags] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const create = useMutation(trpc.sell.create.mutationOptions());

  if (org.role !== "owner" && org.role !== "admin") {
    return (
      <EmptyState title="Only owners and admins can publish agents" description={`Ask an admin of ${org.name}.`} />
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (kind === "url" && !url.trim()) found.source = "Enter the card's URL.";
    if (kind === "json" && !text.trim()) found.source = "Paste the card's JSON.";
    const credits = Number(price);
    if (!Number.isInteger(credits) || credits < 1) found.price = "Enter a whole number of credits, at least 1.";
    if (categories.length === 0) found.categories = "Choose at least one category.";
    setProblems(found);
    if (Object.keys(found).length) return;
    const result = await create
      .mutateAsync({
        orgId: org.id,
        source: kind === "url" ? { kind, url: url.trim() } : { kind, text },
        pricePerTask: credits,
        categories,
        tags: parseTags(tags),
      })
      .catch(() => null);
    if (result?.ok) {
      toast.success("Draft listing created. Check it, then submit it for review.");
      router.push(`/sell/agents/${result.agentId}`);
    }
  };

  const cardErrors = create.data && !create.data.ok ? create.data.errors : null;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Publish an agent"
        description={
          "Bureau reads your agent's A2A Agent Card (v1.0 or 0.3), lists its skills, " +
          "and calls it through the gateway."
        }
        eyebrow={
          <Link href="/sell" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft className="size-4" aria-hidden />
            Sell
          </Link>
        }
      />
      <form onSubmit={submit} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem] lg:items-start">
        <Card>
          <CardHeader>
            <CardTitle>Agent Card</CardTitle>
            <CardDescription>
              Fetched from the public internet by Bureau&apos;s server (private and internal addresses are refused).
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <Tabs value={kind} onValueChange={(v) => setKind(v === "json" ? "json" : "url")}>
              <TabsList>
                <TabsTrigger value="url">
                  <Link2 aria-hidden />
                  From URL
                </TabsTrigger>
                <TabsTrigger value="json">Paste JSON</TabsTrigger>
              </TabsList>
              <TabsContent value="url">
                <Field
                  label="Card URL"
                  error={kind === "url" ? problems.source : undefined}
                  description={
                    "e.g. https://agent.example.com/.well-known/agent-card.json — " +
                    "a bare https://agent.example.com works too."
                  }
                >
                  <Input
                    type="url"
                    placeholder="https://agent.example.com/.well-known/agent-card.json"
                    value={url}
                    onChange={(e) => setUrl(e.target.value)}
                  />
                </Field>
              </TabsContent>
              <TabsContent value="json">
                <Field label="Card JSON" error={kind === "json" ? problems.source : undefined}>
                  <Textarea
                    rows={14}
                    className="font-mono text-xs"
                    placeholder='{ "name": "…", "supportedInterfaces": [ … ], "skills": [ … ] }'
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                  />
                </Field>
              </TabsContent>
            </Tabs>
            {cardErrors ? <CardErrors errors={cardErrors} /> : null}
            {create.error ? (
              <Alert variant="destructive">
                <AlertDescription>{create.error.message}</AlertDescription>
              </Alert>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Your terms</CardTitle>
            <CardDescription>You can change these later.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <Field label="Price per task (credits)" error={problems.price} required>
              <Input inputMode="numeric" placeholder="50" value={price} onChange={(e) => setPrice(e.target.value)} />
            </Field>
            <CategoryPicker value={categories} onChange={setCategories} error={problems.categories} />
            <Field label="Tags" description="Comma-separated. Left empty, the skills' tags are used.">
              <Input placeholder="translation, legal" value={tags} onChange={(e) => setTags(e.target.value)} />
            </Field>
            <Button type="submit" className="w-full" loading={create.isPending}>
              Create draft listing
            </Button>
          </CardContent>
        </Card>
      </form>
    </div>
  );
}
