"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const SECURITY = [
  { value: "tls", label: "TLS (usually port 993)" },
  { value: "starttls", label: "STARTTLS (usually port 143)" },
  { value: "none", label: "None (only for a server on this machine)" },
];

export interface ImapFormValues {
  host: string;
  port: number;
  security: string;
  username: string;
  folder: string;
}

/**
 * The campaign mailbox the app reads replies from. The password is never shown again: left
 * empty, the saved one is kept. "Test connection" tries it without saving; "Save" tests, then saves.
 */
export function ImapMailboxForm({ action, removeAction, saved }: { action: Action; removeAction: Action; saved: ImapFormValues | null }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [removed, remove, removing] = useActionState(removeAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  const value = (name: keyof ImapFormValues, fallback: string) => state.values?.[name] ?? (saved ? String(saved[name]) : fallback);
  return (
    <>
      <form action={formAction} className="stack" noValidate>
        <FormStatus state={state} />
        <div className="stack" key={JSON.stringify(state.values ?? null)}>
          <Field idPrefix="imap" name="host" label="Mail server (IMAP)" hint="For example imap.gmail.com or outlook.office365.com." errors={errors.host} defaultValue={value("host", "")} />
          <Field idPrefix="imap" name="port" label="Port" type="number" errors={errors.port} defaultValue={value("port", "993")} />
          <Field idPrefix="imap" name="security" label="Security" options={SECURITY} errors={errors.security} defaultValue={value("security", "tls")} />
          <Field idPrefix="imap" name="username" label="User name" hint="Usually the mailbox's email address." autoComplete="off" errors={errors.username} defaultValue={value("username", "")} />
          <Field
            idPrefix="imap"
            name="password"
            label="App password"
            type="password"
            autoComplete="new-password"
            hint={saved ? "Saved, and never shown again. Leave empty to keep it." : "Gmail and Microsoft 365 need an app password, not your usual one."}
            errors={errors.password}
          />
          <Field idPrefix="imap" name="folder" label="Folder" hint="Where the replies arrive. Usually INBOX." errors={errors.folder} defaultValue={value("folder", "INBOX")} />
        </div>
        <div className="actions">
          <button type="submit" name="intent" value="test" className="secondary" disabled={pending}>
            Test connection
          </button>{" "}
          <button type="submit" name="intent" value="save" disabled={pending}>
            Save connection
          </button>
        </div>
      </form>
      {saved ? (
        <form action={remove}>
          <FormStatus state={removed} />
          <button type="submit" className="secondary" disabled={removing}>
            Stop reading this mailbox
          </button>
        </form>
      ) : null}
    </>
  );
}
