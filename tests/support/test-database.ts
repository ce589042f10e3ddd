// A fresh, migrated database per test run: on the embedded PostgreSQL under .test-data/,
// or, with DATABASE_URL set, a new database on that (local) server. Shared by the
// integration tests' global setup and the browser tests' web server.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrateDatabase } from "../../lib/db/migrate";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** Refuses anything but a local server: tests create and drop databases. */
function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to run tests against ${host}: DATABASE_URL must point at a local PostgreSQL for tests.`);
}

export async function createTestDatabase(name: string, dataDir = ".test-data", port = 54339 + Number(process.env.TEST_PORT_OFFSET ?? 0)): Promise<TestDatabase> {
  const database = `${name}_${Date.now()}_${process.pid}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const given = process.env.DATABASE_URL;
  if (given) {
    assertLocal(given);
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${database}`;
    await migrateDatabase(url.toString());
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const server = await startEmbeddedPostgres(path.resolve(dataDir), port);
  await server.createDatabase(database);
  const url = server.url(database);
  await migrateDatabase(url);
  return {
    url,
    drop: async () => {
      await server.dropDatabase(database).catch(() => {});
      await server.stop();
    },
  };
}
