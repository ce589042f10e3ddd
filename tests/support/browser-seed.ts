// Seeds the browser tests' database with the app's own first-start seed and prints the
// result as one JSON line. Run by browser-global-setup.ts in a child process with
// `tsx --conditions=react-server`, because lib/ modules import "server-only".
import { seedIfEmpty, SEED_WORKSPACE } from "../../lib/seed/seed-database";

async function main() {
  const result = await seedIfEmpty();
  process.stdout.write(`${JSON.stringify({ ...result, workspaceName: SEED_WORKSPACE.name })}\n`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
