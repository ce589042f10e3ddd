// `npm run worker`: the background worker on its own, for running several app instances
// against one database (npm start already runs one in-process).
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";

async function main() {
  loadDotEnv();
  const env = validateEnvOrExit();
  const database = await prepareDatabase(env);
  const { startWorker } = await import("../lib/jobs/worker");
  const worker = startWorker();
  console.log("Worker running. Press Ctrl-C to stop.");
  const stop = async () => {
    worker.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
