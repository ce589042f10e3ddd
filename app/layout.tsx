import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FOI Tracker", template: "%s · FOI Tracker" },
  description: "Track a campaign of Freedom of Information requests to UK public bodies.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
