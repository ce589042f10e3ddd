import { execFileSync } from "node:child_process";
import pg from "pg";
import { describe, expect, it } from "vitest";

// Several people add migrations at once; a migration that leaves out a column, or one the
// schema no longer has, would only show at run time. The test database was built from
// prisma/migrations; a second database is built straight from prisma/schema.prisma, and the
// two catalogues must agree (tables, columns, enums, indexes, foreign keys). Triggers, functions
// and partial indexes are not compared: the schema language cannot express them, so they live
// only in hand-written migrations.

const CATALOGUE = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY 1, e.enumsortorder`,
  indexes: `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
              AND indexdef NOT LIKE '% WHERE %' ORDER BY 1`,
  constraints: `SELECT conrelid::regclass::text AS on_table, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND contype IN ('f', 'p', 'u', 'c')
                  AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
                ORDER BY 1, 2`,
};

async function catalogue(url: string): Promise<Record<string, unknown[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const out: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOGUE)) out[name] = (await client.query(sql)).rows;
    return out;
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("build exactly the database that prisma/schema.prisma describes", async () => {
    const migrated = process.env.DATABASE_URL!;
    const fromSchemaName = `schema_only_${Date.now()}`;
    const admin = new pg.Client({ connectionString: migrated });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${fromSchemaName}"`);
    const fromSchema = new URL(migrated);
    fromSchema.pathname = `/${fromSchemaName}`;
    try {
      const sql = execFileSync(
        process.execPath,
        ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        { encoding: "utf8", env: process.env },
      );
      const client = new pg.Client({ connectionString: fromSchema.toString() });
      await client.connect();
      await client.query(sql);
      await client.end();

      const [a, b] = await Promise.all([catalogue(migrated), catalogue(fromSchema.toString())]);
      expect(a.enums).toEqual(b.enums);
      expect(a.columns).toEqual(b.columns);
      expect(a.indexes).toEqual(b.indexes);
      expect(a.constraints).toEqual(b.constraints);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${fromSchemaName}" WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});
