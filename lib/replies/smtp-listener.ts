import "server-only";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { fileReply, type FileReplyResult } from "@/lib/replies/file-reply";
import { workspaceForRecipient } from "@/lib/replies/inbound-address";
import { parseIncomingMail } from "@/lib/replies/parse-mail";

/** The largest message accepted: 50 attachments' worth is more than any mail provider sends (most stop at 25-35 MB). */
export const MAX_INBOUND_BYTES = 60 * 1024 * 1024;

const smtpError = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

export interface InboundSmtpOptions {
  /** Called after each message is filed in a workspace (tests, logs). */
  onFiled?: (workspaceId: string, result: FileReplyResult) => void;
  onError?: (error: Error) => void;
}

/**
 * The inbound route: an SMTP server (for an MX record or a forwarding rule) that accepts mail
 * only for workspaces' inbound addresses and feeds it to the same pipeline as the IMAP
 * mailbox. A message is accepted (250) only once it is stored; a database failure answers 451,
 * so the sending server tries again later and nothing is lost. Unknown recipients get 550 at
 * RCPT TO. No AUTH and no relaying: it delivers only to this app.
 */
export function createInboundSmtpServer(options: InboundSmtpOptions = {}): SMTPServer {
  const server = new SMTPServer({
    name: "foi-tracker",
    banner: "FOI Tracker inbound mail",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    size: MAX_INBOUND_BYTES,
    onRcptTo(address, _session, callback) {
      workspaceForRecipient(address.address).then(
        (workspaceId) => (workspaceId ? callback() : callback(smtpError(`No such mailbox here: ${address.address}`, 550))),
        () => callback(smtpError("Temporary failure, try again later", 451)),
      );
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(smtpError("Message too big for this mailbox", 552));
        void receive(Buffer.concat(chunks), session).then(
          () => callback(),
          (error: Error) => {
            options.onError?.(error);
            callback(smtpError("Temporary failure storing the message, try again later", 451));
          },
        );
      });
    },
  });

  async function receive(raw: Buffer, session: SMTPServerSession): Promise<void> {
    const workspaces = new Set<string>();
    for (const rcpt of session.envelope.rcptTo) {
      const id = await workspaceForRecipient(rcpt.address);
      if (id) workspaces.add(id);
    }
    const reply = await parseIncomingMail(raw, "smtp");
    for (const workspaceId of workspaces) {
      const filed = await fileReply(workspaceId, reply);
      options.onFiled?.(workspaceId, filed);
    }
  }

  server.on("error", (error) => options.onError?.(error));
  return server;
}

/** Starts the listener; resolves with its port and a close function. */
export async function startInboundSmtp(port: number, host: string, options: InboundSmtpOptions = {}): Promise<{ port: number; close: () => Promise<void> }> {
  const server = createInboundSmtpServer(options);
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  return { port: typeof address === "object" && address ? address.port : port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
