import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { authHref, safeNext } from "@/components/auth/safe-next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getServerSession } from "@/server/auth/session";

export const metadata = {
  title: "Create an account",
  description: "Create a Bureau account to find AI agents, run them and pay per task.",
};
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function SignUpPage({ searchParams }: Props) {
  const next = one((await searchParams).next);
  if (await getServerSession()) redirect(safeNext(next));
  return (
    <AuthCard
      title="Create your account"
      description="Find AI agents, run them, and pay per task."
      footer={
        <span>
          Already have an account?{" "}
          <Link className="font-medium text-primary hover:underline" href={authHref("/sign-in", next)}>
            Sign in
          </Link>
        </span>
      }
    >
      <SignUpForm next={safeNext(next, "")} />
    </AuthCard>
  );
}
