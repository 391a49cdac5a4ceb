"use client";

import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

export interface ConsentFormProps {
  redirectHost: string;
  scopes: { scope: string; description: string; required: boolean; leastRole: string }[];
  orgs: { id: string; name: string; role: string; allowedScopes: string[] }[];
  defaultOrgId: string | null;
  oauthQuery: string;
}

type Answer = { url?: string; redirect_uri?: string };

/**
 * The user's answer to an app asking for Bureau through OAuth: which org it
 * acts in and which of the scopes it asked for. Allowing makes the chosen org
 * the session's active org (the authorization server stores that org with
 * the grant) and then consents; both answers end with the browser going to
 * the URL the authorization server returns (the app's redirect URI, with a
 * code or access_denied).
 */
export function ConsentForm(props: ConsentFormProps) {
  const [orgId, setOrgId] = useState(props.defaultOrgId ?? props.orgs[0]?.id ?? "");
  const org = props.orgs.find((o) => o.id === orgId);
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [pending, setPending] = useState<"allow" | "deny" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const allowed = (scope: string) => org?.allowedScopes.includes(scope) ?? false;
  const granted = props.scopes.filter((s) => allowed(s.scope) && (s.required || !unticked.has(s.scope)));

  async function answer(accept: boolean) {
    setError(null);
    setPending(accept ? "allow" : "deny");
    try {
      if (accept) {
        const active = await authClient.organization.setActive({ organizationId: orgId });
        if (active.error) throw new Error(authErrorMessage(active.error, "Could not choose that organization."));
      }
      const { data, error: consentError } = await authClient.$fetch<Answer>("/oauth2/consent", {
        method: "POST",
        body: {
          accept,
          oauth_query: props.oauthQuery,
          ...(accept ? { scope: granted.map((s) => s.scope).join(" ") } : {}),
        },
      });
      const target = data?.url ?? data?.redirect_uri;
      if (consentError || !target) throw new Error(authErrorMessage(consentError, "Bureau could not answer the app."));
      window.location.assign(target);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Something went wrong. Try again.");
      setPending(null);
    }
  }

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void answer(true);
      }}
    >
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}

      <div className="space-y-2">
        <Label htmlFor="consent-org">Organization</Label>
        {props.orgs.length === 1 ? (
          <p id="consent-org" className="text-sm">
            {org?.name} <span className="text-muted-foreground">({org?.role})</span>
          </p>
        ) : (
          <Select value={orgId} onValueChange={setOrgId}>
            <SelectTrigger id="consent-org" className="w-full" aria-label="Organization">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {props.orgs.map((o) => (
                <SelectItem key={o.id} value={o.id}>
                  {o.name} ({o.role})
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
        <p className="text-xs text-muted-foreground">
          The app acts in this organization, as you, and spends its credits.
        </p>
      </div>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium">It will be able to</legend>
        {props.scopes.map((s) => {
          const possible = allowed(s.scope);
          const checked = possible && (s.required || !unticked.has(s.scope));
          const id = `scope-${s.scope.replace(/\W/g, "-")}`;
          return (
            <div key={s.scope} className="flex items-start gap-3" data-testid="consent-scope">
              <input
                id={id}
                type="checkbox"
                className="peer mt-0.5 size-4 shrink-0 accent-primary"
                checked={checked}
                disabled={s.required || !possible || pending !== null}
                onChange={(event) => {
                  const next = new Set(unticked);
                  if (event.target.checked) next.delete(s.scope);
                  else next.add(s.scope);
                  setUnticked(next);
                }}
              />
              <label htmlFor={id} className="grid gap-0.5 text-sm peer-disabled:cursor-default">
                <span>{s.description}</span>
                <code className="text-xs text-muted-foreground">
                  {s.scope}
                  {s.required ? " · required" : ""}
                  {possible ? "" : ` · needs the ${s.leastRole} role in ${org?.name ?? "this organization"}`}
                </code>
              </label>
            </div>
          );
        })}
      </fieldset>

      <p className="flex items-start gap-2 text-xs text-muted-foreground">
        <ShieldCheck className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
        <span>
          You will be sent back to <strong className="font-medium text-foreground">{props.redirectHost}</strong>. You
          can disconnect the app at any time in Settings → Connected apps.
        </span>
      </p>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button
          type="button"
          variant="outline"
          disabled={pending !== null}
          loading={pending === "deny"}
          onClick={() => void answer(false)}
        >
          Deny
        </Button>
        <Button type="submit" disabled={pending !== null || !org} loading={pending === "allow"}>
          Allow
        </Button>
      </div>
    </form>
  );
}
