// `npm run db:migrate`: applies pending migrations (npm start does this too).
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";

async function main() {
  loadDotEnv();
  const database = await prepareDatabase(validateEnvOrExit());
  console.log("The database is up to date.");
  await database.stop();
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
