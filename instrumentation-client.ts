// Runs in the browser before the page's own code. zod compiles fast parsers with
// `new Function` when it may; under the app's Content-Security-Policy (no 'unsafe-eval')
// its probe for that is refused and reported as a policy violation, although zod then
// carries on without. Telling it up front to do without avoids the probe and the noise.
// zod keeps its settings on this global object (zod/v4/core's config() changes the same one):
// setting it here keeps zod's own code out of every page's first-load JavaScript.
const zodGlobal = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
(zodGlobal.__zod_globalConfig ??= {}).jitless = true;
