"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/requests", label: "Requests" },
  { href: "/inbox", label: "Unmatched replies" },
  { href: "/trusts", label: "Trusts" },
  { href: "/batches", label: "Batches" },
  { href: "/findings", label: "Findings" },
  { href: "/members", label: "Members" },
];

const OWNER_LINKS = [{ href: "/members/audit", label: "Audit log" }];

export function NavLinks({ isOwner = false }: { isOwner?: boolean }) {
  const pathname = usePathname();
  const links = isOwner ? [...LINKS, ...OWNER_LINKS] : LINKS;
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {links.map((link) => {
          // The longest matching link is the current one ("/members/audit" over "/members").
          const matches = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
          const current = matches(link.href) && !links.some((other) => other.href.length > link.href.length && other.href.startsWith(link.href) && matches(other.href));
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
