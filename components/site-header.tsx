import Link from "next/link";
import { NavLinks } from "@/components/nav-links";
import { SignOutButton } from "@/components/sign-out-button";

export function SiteHeader({
  userLabel,
  workspaceName,
  role,
  switcher,
  alerts,
}: {
  userLabel: string;
  workspaceName: string;
  role: string;
  switcher?: React.ReactNode;
  /** The notifications link (with its unread count) and the alert settings link. */
  alerts?: React.ReactNode;
}) {
  return (
    <header className="site-header">
      <div className="inner">
        <Link className="brand" href="/">
          FOI Tracker
        </Link>
        <NavLinks isOwner={role === "owner"} />
        <div className="account">
          {alerts}
          <span>
            {workspaceName} · <Link href="/account">{userLabel}</Link> ({role})
          </span>
          {switcher}
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
