// `npm run worker`: the background worker on its own, for running several app instances
// against one database (npm start already runs one in-process).
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";
import { takeOverStopSignals } from "../lib/db/embedded-postgres";

async function main() {
  loadDotEnv();
  const env = validateEnvOrExit();
  const database = await prepareDatabase(env);
  const { startWorker, stopWorker } = await import("../lib/jobs/worker");
  const worker = startWorker();
  console.log("Worker running. Press Ctrl-C to stop.");
  let stopping = false;
  const stop = async () => {
    // A second Ctrl-C stops at once (letters being sent may then be left unconfirmed).
    if (stopping) process.exit(1);
    stopping = true;
    // Letters being sent are finished and recorded before the database stops.
    await stopWorker(worker);
    await database.stop();
    process.exit(0);
  };
  takeOverStopSignals();
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
