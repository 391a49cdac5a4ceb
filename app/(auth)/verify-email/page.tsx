import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResendVerification } from "@/components/auth/resend-verification";
import { authHref, safeNext } from "@/components/auth/safe-next";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getServerSession } from "@/server/auth/session";

export const metadata = { title: "Verify your email" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

const ERRORS: Record<string, string> = {
  TOKEN_EXPIRED: "This verification link has expired.",
  INVALID_TOKEN: "This verification link is not valid.",
  USER_NOT_FOUND: "No account has this address any more.",
};

/**
 * Where the verification email's link lands after better-auth checked it
 * (/api/auth/verify-email): verified (signed in, address confirmed), or
 * ?error=… with a way to get a new link.
 */
export default async function VerifyEmailPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeNext(one(params.next));
  const error = one(params.error);
  const session = await getServerSession();
  const continueButton = (
    <Button asChild className="w-full">
      <Link href={next}>Continue</Link>
    </Button>
  );
  if (!error && session?.user.emailVerified) {
    return (
      <AuthCard
        title="Email verified"
        description={`${session.user.email} is confirmed.`}
        footer={<Link href="/">Bureau</Link>}
      >
        <div className="space-y-4">
          <Alert variant="success" icon={<CircleCheck />}>
            <AlertTitle>Thank you</AlertTitle>
            <AlertDescription>Invitations, receipts and alerts will reach you at this address.</AlertDescription>
          </Alert>
          {continueButton}
        </div>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={error ? "We could not verify your email" : "Verify your email"}
      description={
        error
          ? (ERRORS[error] ?? "This verification link does not work.")
          : "Open the link we emailed you when you created your account."
      }
      footer={<Link href={session ? next : "/sign-in"}>{session ? "Not now" : "Sign in"}</Link>}
    >
      {session && !session.user.emailVerified ? (
        <ResendVerification email={session.user.email} next={next} />
      ) : (
        <Button asChild variant="outline" className="w-full">
          <Link href={authHref("/sign-in", "/verify-email")}>Sign in to get a new link</Link>
        </Button>
      )}
    </AuthCard>
  );
}
