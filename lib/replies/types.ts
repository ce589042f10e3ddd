// What every source (a mailbox read over IMAP, mail forwarded to the app by SMTP, a
// WhatDoTheyKnow request page) hands to fileReply: one shape, one pipeline.

export type IncomingAttachment = { filename: string; contentType: string; data: Buffer };

/** A delivery status notification: one of our letters could not be delivered. */
export type BounceReport = {
  /** Our letter's Message-ID (without angle brackets), from the report's copy of it. */
  originalMessageId?: string;
  /** The address that refused it. */
  recipient?: string;
  /** The receiving server's words ("550 5.1.1 User unknown"). */
  reason: string;
};

export type IncomingReply = {
  source: "imap" | "smtp" | "whatdotheyknow";
  // Mail: the Message-ID without angle brackets (or "sha256:<hash>" when there is none).
  // WhatDoTheyKnow: "<host>/incoming/<incoming_message_id>" (or the event id), stable across fetches.
  sourceKey: string;
  // Set when the source already knows the request (WhatDoTheyKnow): matching is skipped,
  // but the request must belong to the workspace (checked) or the call throws.
  requestId?: string;
  fromName?: string;
  fromAddress?: string;
  toAddress?: string;
  subject?: string;
  sentAt: Date;
  text: string;
  /** Raw; fileReply sanitises it with lib/messages/sanitise-html.ts. */
  html?: string;
  inReplyTo?: string;
  references?: string[];
  /** Auto-Submitted / X-Autoreply / Precedence headers said so. */
  autoSubmitted?: boolean;
  /** Checked with the existing attachment limits and types. */
  attachments?: IncomingAttachment[];
  externalUrl?: string;
  externalAttachments?: { filename: string; url: string }[];
  /** The source's own reading, when it has one (WhatDoTheyKnow's described state); shown, never applied. */
  sourceStatus?: string;
  /** sha256 of the raw message, when the source has it. */
  contentHash?: string;
  /** Set when the message is a delivery failure report about one of our letters. */
  bounce?: BounceReport;
};
