// Runs in the browser before the page's own code. zod compiles fast parsers with
// `new Function` when it may; under the app's Content-Security-Policy (no 'unsafe-eval')
// its probe for that is refused and reported as a policy violation, although zod then
// carries on without. Telling it up front to do without avoids the probe and the noise.
import { config } from "zod/v4/core";

config({ jitless: true });
