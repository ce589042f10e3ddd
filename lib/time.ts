// The one source of "now". FOI_NOW (refused in production by lib/env) lets tests and
// "what if it were date X" runs move the clock without touching the system time.
import { env } from "@/lib/env";

export function now(): Date {
  const override = env().FOI_NOW;
  return override ? new Date(override.length === 10 ? `${override}T12:00:00Z` : override) : new Date();
}
