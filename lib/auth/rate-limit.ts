import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma";
import { env } from "@/lib/env";
import { now } from "@/lib/time";

// Sign-in attempts are limited per email (always) and per client address (when a trusted
// proxy tells us the address), counted in the database so every app instance shares the
// count. 5 failures per email per 15 minutes stops guessing without locking out someone
// who mistypes a few times.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_SIGN_IN_LINKS_PER_EMAIL = 3;

export interface LoginAllowance {
  allowed: boolean;
  retryAfterMinutes: number;
}

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * The client address, or null when it cannot be trusted. X-Forwarded-For is written by
 * the client too; only the entry added by our own proxies (TRUSTED_PROXY_HOPS from the
 * right) is believed.
 */
export function clientAddress(forwardedFor: string | null | undefined, hops = env().TRUSTED_PROXY_HOPS): string | null {
  if (!hops || !forwardedFor) return null;
  const entries = forwardedFor.split(",").map((e) => e.trim()).filter(Boolean);
  return entries[entries.length - hops] ?? null;
}

type Reader = Pick<Prisma.TransactionClient, "loginAttempt">;

export async function checkLoginAllowed(email: string, ip: string | null, at: Date = now(), reader: Reader = db): Promise<LoginAllowance> {
  const since = new Date(at.getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    reader.loginAttempt.findMany({
      where: { email: normalise(email), succeeded: false, createdAt: { gte: since } },
      select: { createdAt: true },
      orderBy: { createdAt: "asc" },
    }),
    ip ? reader.loginAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  if (byEmail.length < MAX_FAILURES_PER_EMAIL && byIp < MAX_FAILURES_PER_IP) return { allowed: true, retryAfterMinutes: 0 };
  const oldest = byEmail[0]?.createdAt ?? since;
  const retryAt = oldest.getTime() + LOGIN_WINDOW_MINUTES * 60_000;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - at.getTime()) / 60_000)) };
}

/**
 * Checks the limit and records the attempt as a failure in one serialised step per email
 * (an advisory lock), so parallel guesses cannot all pass the check before any is counted.
 * Returns the attempt's id, to be marked as a success once the password is verified.
 */
export async function beginLoginAttempt(email: string, ip: string | null): Promise<{ allowance: LoginAllowance; attemptId: string | null }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`login:${normalise(email)}`}))`;
    const allowance = await checkLoginAllowed(email, ip, now(), tx);
    if (!allowance.allowed) return { allowance, attemptId: null };
    const attempt = await tx.loginAttempt.create({ data: { email: normalise(email), ip: ip ?? "unknown", succeeded: false, createdAt: now() }, select: { id: true } });
    return { allowance, attemptId: attempt.id };
    // Parallel guesses queue on the lock inside their transactions: a burst must wait its turn,
    // not fail at Prisma's default 5-second transaction limit.
  }, { maxWait: 20_000, timeout: 20_000 });
}

export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}

/** At most 3 sign-in links per address per 15 minutes, so nobody can flood an inbox. */
export async function canSendSignInLink(email: string): Promise<boolean> {
  const since = new Date(now().getTime() - LOGIN_WINDOW_MINUTES * 60_000);
  const sent = await db.delivery.count({ where: { toAddress: normalise(email), redactAfterSend: true, subject: { startsWith: "Your sign-in link" }, createdAt: { gte: since } } });
  return sent < MAX_SIGN_IN_LINKS_PER_EMAIL;
}
