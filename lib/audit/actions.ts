// Every action the app writes to the audit log, with what the audit page says for it.
// recordAudit only accepts these keys, so a new kind of entry cannot be written without
// its plain-English label.

export const auditActionLabels = {
  "workspace.seed": "Set up the workspace with the starting data",
  "workspace.mailbox": "Changed where trusts' replies go",
  "workspace.imap_set": "Connected the campaign mailbox (IMAP)",
  "workspace.imap_remove": "Disconnected the campaign mailbox (IMAP)",
  "user.password_change": "Changed their password (signed out everywhere else)",
  "user.sign_in": "Signed in",
  "user.sign_out_everywhere": "Signed out everywhere",
  "member.add": "Added a person from the command line",
  "member.invite": "Invited someone",
  "member.join": "Joined the workspace",
  "member.role_change": "Changed someone's role",
  "member.remove": "Removed someone from the workspace",
  "member.invitation_revoke": "Withdrew an invitation",
  "member.ownership_transfer": "Handed over ownership",
  "request.create": "Logged a request",
  "request.update": "Changed a request",
  "request.send": "Recorded a request as sent",
  "request.event": "Recorded what happened on a request",
  "request.email_send": "Sent a request by email",
  "request.email_letter": "Emailed a letter about a request (chaser, review, complaint or clarification)",
  "request.event_remove": "Removed an entry from a request's timeline",
  "request.delete": "Deleted a request",
  "request.restore": "Restored a deleted request",
  "request.import_wdtk": "Imported a request and its correspondence from WhatDoTheyKnow",
  "request.follow_wdtk": "Checked requests on WhatDoTheyKnow for new replies",
  "request.purge": "Removed for good requests deleted more than 30 days ago",
  "message.add": "Added correspondence",
  "reply.confirm": "Confirmed what a reply meant",
  "reply.dismiss": "Said a reply's suggested meaning was wrong",
  "reply.assign": "Filed an unmatched reply on a request",
  "reply.discard": "Discarded an unmatched message",
  "outcome.set": "Set a trust's outcome",
  "outcome.clear": "Cleared a trust's outcome",
  "outcome.apply_list": "Applied a pasted list of outcomes",
  "body.update": "Changed a trust's details",
  "body.import": "Imported trusts' details from a CSV",
  "batch.create": "Started a batch",
  "batch.update": "Changed a batch",
  "batch.delete": "Deleted a draft batch",
  "batch.send": "Sent a batch",
  "batch.recipient.update": "Changed one recipient's letter or channel",
  "batch.recipient.remove": "Removed a recipient from a batch",
  "batch.recipient.combine": "Combined predecessor trusts into one request to their successor",
  "batch.recipient.sent": "Recorded a batch letter as sent",
  "batch.recipients.sent_pasted": "Recorded batch letters as sent from pasted WhatDoTheyKnow addresses",
  "batch.bulk.chaser": "Sent chasers to several requests",
  "batch.bulk.status": "Recorded what happened on several requests",
  "batch.bulk.note": "Added a note to several requests",
  "batch.bulk.letters": "Downloaded several letters",
  "delivery.mark_sent": "Marked an unconfirmed letter as sent",
  "delivery.send_again": "Sent an unconfirmed letter again",
  "delivery.retry": "Sent a failed letter again",
  "findings.question.add": "Added a research question",
  "findings.question.update": "Changed a research question",
  "findings.question.delete": "Deleted a research question",
  "findings.question.suggested": "Added the suggested research questions",
  "findings.answer.save": "Recorded an answer to a research question",
  "findings.answer.clear": "Cleared an answer to a research question",
  "findings.public.on": "Published a batch's findings",
  "findings.public.off": "Withdrew a batch's public findings",
  "holidays.refresh": "Updated the bank holidays",
  "export.findings_csv": "Downloaded findings as CSV",
  "export.findings_json": "Downloaded findings as JSON",
  "export.requests_csv": "Downloaded all requests as CSV",
  "export.requests_json": "Downloaded all requests as JSON",
  "export.batch_csv": "Downloaded a batch's recipients as CSV",
  "export.audit_csv": "Downloaded the audit log as CSV",
  "export.directory_csv": "Downloaded the trust directory as CSV",
  "attachment.download": "Downloaded an attachment",
  "calendar_feed.create": "Made a calendar feed",
  "calendar_feed.replace": "Replaced their calendar feed address",
  "calendar_feed.off": "Turned off their calendar feed",
  "alerts.unsubscribe": "Stopped alert emails from an unsubscribe link",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof auditActionLabels;

export const AUDIT_ACTIONS = Object.keys(auditActionLabels) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}

/** The plain-English label; an action from an older version of the app shows as written. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? auditActionLabels[action] : action;
}
