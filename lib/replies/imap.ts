import "server-only";
import dns from "node:dns/promises";
import { ImapFlow } from "imapflow";
import type { MailboxSecurity } from "@/lib/generated/prisma";

export interface ImapSettings {
  host: string;
  port: number;
  security: MailboxSecurity;
  username: string;
  password: string;
  folder: string;
}

/** Which step of reaching the mailbox failed, so the owner knows what to fix. */
export type ImapStage = "dns" | "connection" | "tls" | "login" | "folder";

export type ImapCheck = { ok: true; messages: number } | { ok: false; stage: ImapStage; field: "host" | "port" | "security" | "password" | "folder"; message: string };

const TIMEOUT_MS = 15_000;

/** A client for the mailbox; no logger, so neither the password nor mail content reaches a log. */
export function imapClient(settings: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    doSTARTTLS: settings.security === "starttls" ? true : settings.security === "none" ? false : undefined,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 60_000,
    disableAutoIdle: true,
  });
}

type Coded = Error & { code?: string; authenticationFailed?: boolean; responseText?: string };

/** The failure in the owner's words, by the step it happened at. */
export function describeImapFailure(error: unknown, settings: Pick<ImapSettings, "host" | "port" | "security" | "folder">): Exclude<ImapCheck, { ok: true }> {
  const e = error as Coded;
  const code = e?.code ?? "";
  const text = `${e?.message ?? ""} ${e?.responseText ?? ""}`;
  if (e?.authenticationFailed || /AUTHENTICATIONFAILED|invalid credentials|authentication failed|login failed/i.test(text)) {
    return { ok: false, stage: "login", field: "password", message: `The server refused the user name or password (login failed). For Gmail or Microsoft 365, use an app password, not your usual one.` };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA") {
    return { ok: false, stage: "dns", field: "host", message: `No server called “${settings.host}” could be found (DNS). Check the host name, e.g. imap.gmail.com or outlook.office365.com.` };
  }
  if (/^ERR_TLS|^ERR_SSL|CERT|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/i.test(code) || /ssl|tls|certificate|wrong version number/i.test(text) || code === "ClosedAfterConnectTLS" || code === "UPGRADE_TIMEOUT") {
    return {
      ok: false,
      stage: "tls",
      field: "security",
      message: `The secure connection (TLS) to ${settings.host}:${settings.port} failed${settings.security === "tls" ? ": port 993 usually needs “TLS”, port 143 “STARTTLS”" : ""}. Check the port and the security setting.`,
    };
  }
  if (code === "ECONNREFUSED" || code === "ETIMEDOUT" || code === "CONNECT_TIMEOUT" || code === "GREETING_TIMEOUT" || code === "EHOSTUNREACH" || code === "ECONNRESET" || code === "NoConnection" || code === "ClosedAfterConnectText") {
    return { ok: false, stage: "connection", field: "port", message: `${settings.host} did not answer on port ${settings.port}. Check the port (993 for TLS, 143 for STARTTLS) and that the server allows IMAP.` };
  }
  return { ok: false, stage: "connection", field: "host", message: `The mailbox could not be reached (${code || "no reason given"}). Check the host, port and security setting.` };
}

/**
 * Tries the mailbox the way the worker will use it, one step at a time: the host name (DNS), the
 * connection and its TLS, the login, then the folder. Says which step failed.
 */
export async function checkImapMailbox(settings: ImapSettings): Promise<ImapCheck> {
  try {
    await dns.lookup(settings.host);
  } catch (error) {
    return describeImapFailure(error, settings);
  }
  const client = imapClient(settings);
  // A connection error after connect() is reported through this event; without a listener it would crash the process.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    return describeImapFailure(error, settings);
  }
  try {
    const mailbox = await client.mailboxOpen(settings.folder, { readOnly: true });
    return { ok: true, messages: mailbox.exists };
  } catch {
    return { ok: false, stage: "folder", field: "folder", message: `The login worked, but there is no folder called “${settings.folder}”. The inbox is usually INBOX.` };
  } finally {
    await client.logout().catch(() => client.close());
  }
}
