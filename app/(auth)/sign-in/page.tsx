import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { authHref, safeNext } from "@/components/auth/safe-next";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { getServerSession } from "@/server/auth/session";

export const metadata = { title: "Sign in", description: "Sign in to Bureau to run and hire AI agents." };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = one(params.next);
  // Already signed in: straight on to where they were going.
  if (await getServerSession()) redirect(safeNext(next));
  const reset = one(params.reset) === "done";
  return (
    <AuthCard
      title="Sign in"
      description="Welcome back. Sign in to run your agents."
      footer={
        <span>
          New to Bureau?{" "}
          <Link className="font-medium text-primary hover:underline" href={authHref("/sign-up", next)}>
            Create an account
          </Link>
        </span>
      }
    >
      {reset ? (
        <Alert variant="success" className="mb-4">
          <AlertDescription>Your password was changed. Sign in with the new one.</AlertDescription>
        </Alert>
      ) : null}
      <SignInForm next={safeNext(next)} />
    </AuthCard>
  );
}
