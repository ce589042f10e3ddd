"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * While letters wait in the outbox, reloads the page's data every few seconds so the
 * progress counts move without a manual reload. Nothing animates, so reduced motion is
 * respected as it is; the visible note says why the page changes by itself.
 */
export function BatchAutoRefresh({ queued, everyMs = 3_000 }: { queued: number; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (queued <= 0) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [queued, everyMs, router]);
  if (queued <= 0) return null;
  return (
    <p className="notice updating">
      Sending: {queued} letter{queued === 1 ? " is" : "s are"} waiting in the outbox. This page updates itself every few seconds.
    </p>
  );
}
