import "server-only";
import { db } from "@/lib/db/client";
import { now } from "@/lib/time";

// Sign-in attempts are limited per email and per address, counted in the database so
// that every app instance shares the count. 5 failures per email per 15 minutes stops
// guessing without locking out someone who mistypes a few times.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export interface LoginAllowance {
  allowed: boolean;
  retryAfterMinutes: number;
}

export async function checkLoginAllowed(email: string, ip: string, at: Date = now()): Promise<LoginAllowance> {
  const since = new Date(at.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const normalised = email.trim().toLowerCase();
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email: normalised, succeeded: false, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    db.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byEmail.length < MAX_FAILURES_PER_EMAIL && byIp < MAX_FAILURES_PER_IP) return { allowed: true, retryAfterMinutes: 0 };
  const oldest = byEmail[0]?.createdAt ?? since;
  const retryAt = oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - at.getTime()) / 60_000)) };
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.loginAttempt.create({ data: { email: email.trim().toLowerCase(), ip, succeeded, createdAt: now() } });
}
