// `node scripts/add-platform-stubs.mjs` after any `npm install` that rewrites package-lock.json here:
// the registry these machines reach has no copies of some optional platform packages
// (@next/swc-darwin-*, -win32-*, ...), so npm leaves them out of the lock and `npm ci` refuses it.
// Adds lock entries for optional platform packages that the lock names but lacks (the
// registry this lock was made with has no copies of them). Each stub has version, os,
// cpu (and libc): npm skips it on other platforms and fetches it by name@version on its own.
import fs from "node:fs";
const file = process.argv[2] || "package-lock.json";
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const pk = lock.packages;
const added = [];
for (const entry of Object.values(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies || {})) {
    const at = `node_modules/${name}`;
    if (pk[at]) continue;
    const m = name.match(/-(android|darwin|win32|freebsd|linux|openharmony)-(arm64|x64|ia32|arm|loong64|ppc64|riscv64|s390x)(?:-(eabi|gnueabihf|musleabihf|gnu|musl|msvc))?$/);
    if (!m) throw new Error(`cannot tell the platform of ${name}`);
    const [, os, cpu, abi] = m;
    const stub = { version, cpu: [cpu] };
    if (entry.dev) stub.dev = true;
    if (abi === "gnu" || abi === "gnueabihf") stub.libc = ["glibc"];
    if (abi === "musl" || abi === "musleabihf") stub.libc = ["musl"];
    Object.assign(stub, { license: entry.license, optional: true, os: [os] });
    pk[at] = stub;
    added.push(`${name}@${version}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added.length}: ${added.join(", ")}`);
