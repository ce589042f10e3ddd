import { requireWorkspace } from "@/lib/auth/session";
import { SiteHeader } from "@/components/site-header";
import { WorkspaceSwitcher } from "@/components/workspace-switcher";
import { switchWorkspaceAction } from "@/app/workspace/actions";
import { UNREAD_BADGE_LIMIT, unreadCount } from "@/lib/alerts/notifications";
import { AlertSettingsLink, NotificationLink } from "@/components/notification-link";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const { actor, user, workspace, role, workspaces } = await requireWorkspace();
  const unread = await unreadCount(actor, { upTo: UNREAD_BADGE_LIMIT });
  return (
    <>
      <SiteHeader
        userLabel={user.name ?? user.email}
        workspaceName={workspace.name}
        role={role}
        alerts={
          <>
            <NotificationLink unread={unread} />
            <AlertSettingsLink />
          </>
        }
        switcher={workspaces.length > 1 ? <WorkspaceSwitcher action={switchWorkspaceAction} current={workspace.id} workspaces={workspaces} /> : null}
      />
      <main id="main">{children}</main>
    </>
  );
}
