import { requireWorkspace } from "@/lib/auth/session";
import { SiteHeader } from "@/components/site-header";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { switchWorkspaceAction } from "@/app/workspace/actions";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, role, workspaces } = await requireWorkspace();
  return (
    <>
      <SiteHeader
        userLabel={user.name ?? user.email}
        workspaceName={workspace.name}
        role={role}
        switcher={workspaces.length > 1 ? <WorkspaceSwitcher action={switchWorkspaceAction} current={workspace.id} workspaces={workspaces} /> : null}
      />
      <main id="main">{children}</main>
    </>
  );
}
