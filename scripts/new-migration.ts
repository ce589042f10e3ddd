// `npm run db:migration -- name`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the last committed schema and prisma/schema.prisma.
// `prisma migrate dev` cannot be used with the JS schema engine (shadow database bug,
// see STACK.md), so the diff is taken between two schema files.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:migration -- short_name");
    process.exit(2);
  }
  loadDotEnv();
  const database = await prepareDatabase(validateEnvOrExit(), () => {});
  try {
    const previous = path.join(os.tmpdir(), `schema-${Date.now()}.prisma`);
    fs.writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
    const sql = execFileSync(
      process.execPath,
      ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { env: process.env, encoding: "utf8" },
    );
    if (!sql.trim() || /empty migration/i.test(sql)) {
      console.log("No schema changes since the last commit.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql; it is applied at the next start (or npm run db:migrate).`);
  } finally {
    await database.stop();
  }
}

void main();
