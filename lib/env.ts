// The one place that reads process.env. Validated once, at start-up (scripts/start.ts and
// instrumentation.ts), so a bad setting stops the app before it serves a request.
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .url({ message: "must be a URL such as postgresql://user:password@host:5432/database" })
  .refine((v) => /^postgres(ql)?:\/\//.test(v), { message: "must start with postgresql://" });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, { message: "must be a date YYYY-MM-DD or an ISO timestamp" });

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
function isLocalUrl(url: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** A loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x), or the name localhost. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.trim().replace(/^\[|\]$/g, "").toLowerCase();
  return a === "localhost" || a === "::1" || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export const envSchema = z
  .object({
    // Unset: production when the Next.js server runs as a production build (NODE_ENV=production,
    // e.g. `next start` in a deployment), so forgetting it never turns on development behaviour
    // there; `npm start` passes development explicitly (see parseEnv).
    APP_ENV: z.enum(["development", "test", "production"], { message: "must be development, test or production" }).optional(),
    NODE_ENV: z.string().optional(),
    // Set by Next.js while it builds: a build needs no runtime settings.
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: postgresUrl.optional(),
    // Unset: http://localhost:PORT (outside production), so links follow the port the app serves on.
    NEXTAUTH_URL: z.string().url({ message: "must be the app's public URL, e.g. http://localhost:3000" }).optional(),
    NEXTAUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)" }).optional(),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: "must look like smtp://user:pass@host:587 or smtps://..." }).optional(),
    MAIL_FROM: z.string().min(3).default("FOI Tracker <foi-tracker@localhost>"),
    SEED_ON_START: bool.optional(),
    SEED_OWNER_EMAIL: z.string().email({ message: "must be an email address" }).default("owner@lxp-revolution.example"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Web server processes sharing PORT (scripts/lib/web-cluster.mjs). Unset: one per core, at most 4.
    WEB_CONCURRENCY: z.coerce.number().int().min(1, { message: "must be 1 or more" }).max(64, { message: "must be 64 or fewer" }).optional(),
    // Loopback by default: on a shared network nobody else can reach a development copy.
    HOST: z
      .string()
      .regex(/^[\w.:\[\]-]+$/, { message: "must be an address to listen on, such as 127.0.0.1 or 0.0.0.0" })
      .default("127.0.0.1"),
    // Development settings (dev mailbox, FOI_NOW, a generated secret, seeding) on an address others
    // can reach are refused unless this says the risk is understood (a demo on a private network).
    ALLOW_DEVELOPMENT_ON_NETWORK: bool.default(false),
    DATA_DIR: z.string().min(1).default(".data"),
    FOI_NOW: isoDate.optional(),
    // Test-only: a file holding a date (same format as FOI_NOW) that, while it exists, overrides "now"
    // (lib/time.ts), so a browser test can move the running app's clock forward and back.
    FOI_NOW_FILE: z.string().min(1).optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5, { message: "must be 0 to 5" }).default(0),
    // Inbound mail (lib/replies): the SMTP listener's port (unset: not started by `npm start`), its
    // address, and the domain of each workspace's inbound address (<slug>@INBOUND_MAIL_DOMAIN).
    INBOUND_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    INBOUND_SMTP_HOST: z
      .string()
      .regex(/^[\w.:\[\]-]+$/, { message: "must be an address to listen on, such as 127.0.0.1 or 0.0.0.0" })
      .default("127.0.0.1"),
    INBOUND_MAIL_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/i, { message: "must be a mail domain such as replies.example.org" })
      .optional(),
    // Encrypts the campaign mailboxes' passwords (AES-256-GCM). Outside production, derived from NEXTAUTH_SECRET when unset.
    MAIL_SECRET_KEY: z.string().min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)" }).optional(),
    HOLIDAYS_REFRESH_URL: z.string().regex(/^(https?:\/\/\S+|off)$/, { message: "must be an http(s) URL, or off" }).default("https://www.gov.uk/bank-holidays.json"),
    // The Alaveteli site requests are followed on (another country's site, or a test server); "off" stops following.
    WDTK_BASE_URL: z
      .string()
      .regex(/^(https?:\/\/[^\s/]+(\/[^\s]*)?|off)$/, { message: "must be an http(s) URL such as https://www.whatdotheyknow.com, or off" })
      .transform((v) => v.replace(/\/+$/, ""))
      .default("https://www.whatdotheyknow.com"),
    // Who to contact about the app's requests to that site, sent in its User-Agent; unset: MAIL_FROM's address.
    WDTK_CONTACT: z.string().email({ message: "must be an email address" }).optional(),
  })
  .transform(({ NODE_ENV, NEXT_PHASE, ...env }) => {
    const servingProductionBuild = NODE_ENV === "production" && NEXT_PHASE !== "phase-production-build";
    const APP_ENV = env.APP_ENV ?? (servingProductionBuild ? "production" : "development");
    return { ...env, APP_ENV, NEXTAUTH_URL: env.NEXTAUTH_URL ?? (APP_ENV === "production" ? "" : `http://localhost:${env.PORT}`), explicitAppEnv: env.APP_ENV !== undefined };
  })
  .superRefine((env, ctx) => {
    if (env.APP_ENV === "production" && !env.NEXTAUTH_URL) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_URL"], message: "is required when APP_ENV=production (the address people use, for emailed links)" });
    }
    if (env.APP_ENV !== "production" && !isLoopbackAddress(env.HOST) && !env.ALLOW_DEVELOPMENT_ON_NETWORK) {
      const why = [
        !env.SMTP_URL ? "the dev mailbox (no SMTP_URL)" : null,
        env.FOI_NOW || env.FOI_NOW_FILE ? "a moved clock (FOI_NOW)" : null,
        !env.NEXTAUTH_SECRET ? "a generated secret (no NEXTAUTH_SECRET)" : null,
        env.SEED_ON_START !== false ? "seeding a known owner (SEED_ON_START)" : null,
      ].filter(Boolean);
      ctx.addIssue({
        code: "custom",
        path: ["HOST"],
        message: `is ${env.HOST}, which lets other machines reach the app, but APP_ENV is ${env.APP_ENV}${env.explicitAppEnv ? "" : " (the default)"}${why.length ? `, with ${why.join(", ")}` : ""}. Set APP_ENV=production with its settings (see the README's Deploying section), or HOST=127.0.0.1, or ALLOW_DEVELOPMENT_ON_NETWORK=true for a demo on a network you trust`,
      });
    }
    // Without SMTP, mail (sign-in links included) lands in the dev mailbox page, which
    // anyone who can reach the app can read: only acceptable on this machine.
    if (env.NEXTAUTH_URL && !env.SMTP_URL && !isLocalUrl(env.NEXTAUTH_URL)) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when NEXTAUTH_URL is not a localhost address (the dev mailbox would show sign-in links to anyone)" });
    }
    if (env.APP_ENV === "production") {
      if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required when APP_ENV=production" });
      if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required when APP_ENV=production" });
      if (!env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when APP_ENV=production (there is no dev mailbox in production)" });
      if (!env.MAIL_SECRET_KEY) ctx.addIssue({ code: "custom", path: ["MAIL_SECRET_KEY"], message: "is required when APP_ENV=production (it encrypts the campaign mailboxes' passwords)" });
      if (env.FOI_NOW) ctx.addIssue({ code: "custom", path: ["FOI_NOW"], message: "must not be set when APP_ENV=production (it moves the clock)" });
      if (env.FOI_NOW_FILE) ctx.addIssue({ code: "custom", path: ["FOI_NOW_FILE"], message: "must not be set when APP_ENV=production (it moves the clock)" });
    }
  });

export type Env = Omit<z.infer<typeof envSchema>, "explicitAppEnv"> & { SEED_ON_START: boolean };

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "environment"}: ${issue.message}`);
    throw new Error(`Invalid configuration (see .env.example):\n${lines.join("\n")}`);
  }
  const { explicitAppEnv: _explicit, ...env } = result.data;
  return { ...env, SEED_ON_START: env.SEED_ON_START ?? env.APP_ENV !== "production" };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The dev mailbox stands in for SMTP only outside production and only on localhost. The page
 * also answers only requests from this machine (isLoopbackRequest), because it shows
 * sign-in links: anyone who could read it could sign in as anyone.
 */
export function isDevMailboxEnabled(e: Env = env()): boolean {
  return e.APP_ENV !== "production" && !e.SMTP_URL && isLocalUrl(e.NEXTAUTH_URL);
}

/**
 * Whether a request came from this machine. Next.js fills X-Forwarded-For with the socket's
 * address unless the client sent one; a client can claim a loopback address only over a
 * connection that is already local, and a local reverse proxy appends the real client, so
 * every entry must be loopback. No header at all is not trusted.
 */
export function isLoopbackRequest(forwardedFor: string | null | undefined): boolean {
  if (!forwardedFor) return false;
  const entries = forwardedFor.split(",").map((e) => e.trim()).filter(Boolean);
  return entries.length > 0 && entries.every(isLoopbackAddress);
}

/** Running under `next dev`. Not a setting: Next.js sets NODE_ENV itself (and inlines it into the proxy). */
export function isNextDevServer(): boolean {
  return process.env.NODE_ENV === "development";
}
