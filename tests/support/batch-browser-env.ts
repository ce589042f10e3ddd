// Files the browser tests' global setup shares with the specs for mail and the clock: the
// in-process SMTP server writes every message it receives to MAIL_FILE, and the app's now()
// (lib/time.ts, FOI_NOW_FILE) follows NOW_FILE while it exists.
import fs from "node:fs";
import path from "node:path";
import { BROWSER_DATA_DIR } from "./browser-env";

export const MAIL_FILE = path.join(BROWSER_DATA_DIR, "smtp-received.json");
export const NOW_FILE = path.join(BROWSER_DATA_DIR, "foi-now.txt");
export const WORKER_LOG = path.join(BROWSER_DATA_DIR, "worker.log");

export interface ReceivedMail {
  messageId: string;
  to: string;
  from: string;
  replyTo: string;
  subject: string;
  text: string;
  /** The Message-ID a reply answers ("" for a first message). */
  inReplyTo?: string;
  receivedAt: string;
}

/** Every message the test SMTP server has accepted so far, oldest first. */
export function receivedMail(): ReceivedMail[] {
  if (!fs.existsSync(MAIL_FILE)) return [];
  return JSON.parse(fs.readFileSync(MAIL_FILE, "utf8")) as ReceivedMail[];
}

/** Moves the app's "today" to `date` (YYYY-MM-DD) until clearNow(). */
export function setNow(date: string): void {
  fs.writeFileSync(NOW_FILE, `${date}\n`);
}

export function clearNow(): void {
  fs.rmSync(NOW_FILE, { force: true });
}
