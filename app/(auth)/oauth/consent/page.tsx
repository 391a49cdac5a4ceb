import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { authHref } from "@/components/auth/safe-next";
import { ConsentForm } from "@/components/oauth/consent-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { describeConsentRequest } from "@/server/auth/oauth-consent-request";
import { getServerSession, requestedPath } from "@/server/auth/session";

export const metadata = { title: "Connect an app", description: "Allow an app to use Bureau for you." };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The signed query exactly as the authorization server wrote it (proxy.ts records the request's path). */
async function signedQuery(searchParams: Props["searchParams"]): Promise<string> {
  const path = await requestedPath();
  if (path?.startsWith("/oauth/consent?")) return path.slice("/oauth/consent?".length);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, one);
  }
  return params.toString();
}

/**
 * Where Bureau's authorization server sends the browser (as its login page,
 * its post-login page and its consent page): signed out, on to sign in and
 * back here; signed in, the choice of org and scopes for the app.
 */
export default async function OAuthConsentPage({ searchParams }: Props) {
  const query = await signedQuery(searchParams);
  const here = `/oauth/consent?${query}`;
  const session = await getServerSession();
  if (!session) redirect(authHref("/sign-in", here));

  const request = await describeConsentRequest({
    query,
    userId: session.user.id,
    activeOrgId: session.session.activeOrganizationId ?? null,
  });
  const footer = (
    <span>
      Signed in as <span className="font-medium text-foreground">{session.user.email}</span>
    </span>
  );
  if (request.kind === "invalid") {
    return (
      <AuthCard title="Connect an app" description="An app asked to use Bureau for you." footer={footer}>
        <Alert variant="destructive">
          <AlertDescription>{request.message}</AlertDescription>
        </Alert>
      </AuthCard>
    );
  }
  const { client } = request;
  const description = client.verifiedHost
    ? `${client.name} (from ${client.verifiedHost}) wants to use Bureau for you.`
    : `${client.name} wants to use Bureau for you.`;
  if (request.orgs.length === 0) {
    return (
      <AuthCard title={`Connect ${client.name}`} description={description} footer={footer}>
        <div className="space-y-4 text-sm">
          <p>Apps act in an organization. Create one first, then connect the app again.</p>
          <Button asChild className="w-full">
            <Link href="/onboarding">Create an organization</Link>
          </Button>
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={`Connect ${client.name}`} description={description} footer={footer}>
      {client.verifiedHost ? null : (
        <p className="mb-4 text-xs text-muted-foreground">
          Bureau has not verified who made this app: its name is what it told us. Allow it only if you started this from
          an app you trust.
        </p>
      )}
      <ConsentForm
        redirectHost={client.redirectHost}
        scopes={request.scopes}
        orgs={request.orgs}
        defaultOrgId={request.defaultOrgId}
        oauthQuery={request.oauthQuery}
      />
    </AuthCard>
  );
}
