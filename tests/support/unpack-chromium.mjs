// Prints {"executablePath", "args"} of the Chromium shipped inside the @sparticuz/chromium npm
// package (Linux x64), unpacking it into the system temp directory the first time (a few
// seconds; later runs reuse it). A child process because playwright.config.ts is synchronous.
import chromium from "@sparticuz/chromium";

const executablePath = await chromium.executablePath();
process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));
