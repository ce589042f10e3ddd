// Direct database access for the browser tests: people in other roles, and rows the UI
// cannot make (an expired sign-in link). Plain SQL with `pg`, so it needs nothing from
// lib/ (whose modules are server-only).
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import { readState } from "./browser-env";

export type Role = "owner" | "editor" | "viewer";

/** One connection to the browser app's database for `work`, always closed. */
export async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readState().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A cuid-like id: the app's ids are Prisma cuids, and nothing relies on their format. */
export function newId(): string {
  return `c${crypto.randomBytes(12).toString("hex")}`;
}

/** An address nobody else in this run uses. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${crypto.randomBytes(4).toString("hex")}@example.org`;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** A user who is a member of the seeded workspace with the given role (bcrypt cost 4: fast, tests only). */
export async function createMember(role: Role, options: { prefix?: string; password?: string } = {}): Promise<TestUser> {
  const email = uniqueEmail(options.prefix ?? role);
  const password = options.password ?? `test password for ${role}s`;
  const name = `Test ${role} ${email.split("@")[0]!.split("-").pop()}`;
  const id = newId();
  const passwordHash = await bcrypt.hash(password, 4);
  await withClient(async (client) => {
    await client.query("BEGIN");
    const workspace = await client.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, ["lxp-revolution"]);
    if (workspace.rowCount !== 1) throw new Error("The seeded workspace lxp-revolution is missing.");
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "mustChangePassword", "emailVerified", "updatedAt") VALUES ($1, $2, $3, $4, false, now(), now())`,
      [id, email, name, passwordHash],
    );
    await client.query(`INSERT INTO "Membership" (id, "userId", "workspaceId", role) VALUES ($1, $2, $3, $4)`, [newId(), id, workspace.rows[0]!.id, role]);
    await client.query("COMMIT");
  });
  return { id, email, name, password, role };
}

/**
 * Stores a magic-link token the way next-auth v4 does (SHA-256 hex of the raw token
 * followed by the secret) and returns the link that carries the raw token.
 */
export async function insertSignInToken(email: string, expires: Date): Promise<string> {
  const { baseURL, secret } = readState();
  const raw = crypto.randomBytes(32).toString("hex");
  const hashed = crypto.createHash("sha256").update(`${raw}${secret}`).digest("hex");
  await withClient((client) => client.query(`INSERT INTO "VerificationToken" (identifier, token, expires) VALUES ($1, $2, $3)`, [email, hashed, expires]));
  return `${baseURL}/api/auth/callback/email?${new URLSearchParams({ token: raw, email })}`;
}

/** The id of the seeded workspace's body whose name contains `name`. */
export async function findBodyId(name: string): Promise<string> {
  return withClient(async (client) => {
    const result = await client.query<{ id: string }>(
      `SELECT b.id FROM "PublicBody" b JOIN "Workspace" w ON w.id = b."workspaceId" WHERE w.slug = $1 AND b.name ILIKE $2 ORDER BY b.name`,
      ["lxp-revolution", `%${name}%`],
    );
    if (result.rowCount !== 1) throw new Error(`Expected one body named like "${name}", found ${result.rowCount}.`);
    return result.rows[0]!.id;
  });
}

/** A pending invitation to the seeded workspace, stored as the app stores one; returns its link's token. */
export async function insertInvitation(email: string, role: Role): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const tokenHash = crypto.createHash("sha256").update(token).digest("hex");
  await withClient(async (client) => {
    const workspace = await client.query<{ id: string }>(`SELECT id FROM "Workspace" WHERE slug = $1`, ["lxp-revolution"]);
    const owner = await client.query<{ id: string }>(`SELECT "userId" AS id FROM "Membership" WHERE "workspaceId" = $1 AND role = 'owner' LIMIT 1`, [workspace.rows[0]!.id]);
    await client.query(
      `INSERT INTO "Invitation" (id, "workspaceId", email, role, "tokenHash", "expiresAt", "invitedById") VALUES ($1, $2, $3, $4, $5, now() + interval '7 days', $6)`,
      [newId(), workspace.rows[0]!.id, email, role, tokenHash, owner.rows[0]!.id],
    );
  });
  return token;
}
