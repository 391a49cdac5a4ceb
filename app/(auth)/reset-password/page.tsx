import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Button } from "@/components/ui/button";

export const metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * Where the emailed link lands: better-auth checks the token at
 * /api/auth/reset-password/<token> and sends the visitor here with
 * ?token=… (valid) or ?error=INVALID_TOKEN (expired, used or unknown).
 */
export default async function ResetPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = one(params.token);
  if (!token || one(params.error)) {
    return (
      <AuthCard
        title="This link no longer works"
        description="Reset links work once, for one hour. Ask for a new one."
        footer={<Link href="/sign-in">Back to sign in</Link>}
      >
        <Button asChild className="w-full">
          <Link href="/forgot-password">Send me a new link</Link>
        </Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Choose a new password"
      description="You will sign in with it from now on; other sessions are signed out."
      footer={<Link href="/sign-in">Back to sign in</Link>}
    >
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
