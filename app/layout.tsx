import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FOI Tracker", template: "%s · FOI Tracker" },
  description: "Track a campaign of Freedom of Information requests to UK public bodies.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that its scripts carry that response's CSP nonce
  // (proxy.ts); a page built ahead of time would have scripts the policy refuses.
  await connection();
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
