import { requireWorkspace } from "@/lib/auth/session";
import { SiteHeader } from "@/components/site-header";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, role } = await requireWorkspace();
  return (
    <>
      <SiteHeader userLabel={user.name ?? user.email} workspaceName={workspace.name} role={role} />
      <main id="main">{children}</main>
    </>
  );
}
