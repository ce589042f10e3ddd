import type { AddMessageFields } from "@/lib/messages/schemas";

/** The "add a message" form as addMessage takes it; getAll keeps every attached file. */
export function messageInputFromFormData(formData: FormData): AddMessageFields {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    requestId: text("requestId") ?? "",
    direction: text("direction"),
    source: text("source"),
    fromName: text("fromName"),
    subject: text("subject"),
    sentAt: text("sentAt"),
    sentTime: text("sentTime"),
    bodyText: text("bodyText"),
    eml: formData.get("eml") ?? undefined,
    attachments: formData.getAll("attachments"),
  };
}
