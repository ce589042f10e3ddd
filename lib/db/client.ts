import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma";
import { env } from "@/lib/env";

export { Prisma } from "@/lib/generated/prisma";
export type { PrismaClient } from "@/lib/generated/prisma";

function createClient() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which starts the embedded PostgreSQL.");
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 10 }),
    // Password hashes never leave lib/auth by accident.
    omit: { user: { passwordHash: true } },
  });
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { foiPrisma?: Client };

// One client per process, cached on globalThis (dev reloads would otherwise open new
// pools), created on first use so that `next build` needs no database.
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    globalForPrisma.foiPrisma ??= createClient();
    const value = Reflect.get(globalForPrisma.foiPrisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.foiPrisma) : value;
  },
});
