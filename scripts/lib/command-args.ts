// The one way the commands read their options: strict, with --help, and exit code 2 and
// the usage line on anything unknown.
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = Record<string, { type: "string" | "boolean" }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };

export function readCommandArgs<O extends Options>(command: string, usage: string, options: O, help: string): Values<O> {
  let values: Values<O> & { help?: boolean };
  try {
    const config: ParseArgsConfig = { options: { ...options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false };
    values = parseArgs(config).values as Values<O> & { help?: boolean };
  } catch (error) {
    console.error(`${command}: ${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(`${usage}\n\n${help}`);
    process.exit(0);
  }
  return values;
}
