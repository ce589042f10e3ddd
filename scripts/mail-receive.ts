// `npm run mail:receive`: the inbound SMTP listener on its own (npm start runs it in-process when
// INBOUND_SMTP_PORT is set). Mail for <workspace-slug>@INBOUND_MAIL_DOMAIN is filed on its requests.
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";
import { takeOverStopSignals } from "../lib/db/embedded-postgres";

/** The port when INBOUND_SMTP_PORT is not set: above 1024, so no special rights are needed. */
const DEFAULT_PORT = 2525;

async function main() {
  loadDotEnv();
  const env = validateEnvOrExit();
  const database = await prepareDatabase(env);
  const { startInboundSmtp } = await import("../lib/replies/smtp-listener");
  const { inboundAddress } = await import("../lib/replies/inbound-address");
  const listener = await startInboundSmtp(env.INBOUND_SMTP_PORT ?? DEFAULT_PORT, env.INBOUND_SMTP_HOST, {
    onError: (error) => console.error(`[inbound smtp] ${error.message}`),
  });
  console.log(`Receiving mail on ${env.INBOUND_SMTP_HOST} port ${listener.port}, for addresses such as ${inboundAddress("your-workspace")}. Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(1);
    stopping = true;
    await listener.close();
    await database.stop();
    process.exit(0);
  };
  takeOverStopSignals();
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

void main();
