"use client";

// The owner's switch for a batch's public findings page: its unguessable link, a copy
// button, and turning it on or off (off withdraws the link; on again makes a new one).
import { useActionState, useState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function FindingsPublicSwitch({ batchId, publicUrl, publicSinceLabel, action }: { batchId: string; publicUrl: string | null; publicSinceLabel: string | null; action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    if (!publicUrl) return;
    try {
      await navigator.clipboard.writeText(publicUrl);
      setCopied("Link copied.");
    } catch {
      setCopied("Could not copy: select the link and copy it.");
    }
  };
  return (
    <div className="stack">
      <FormStatus state={state} />
      {publicUrl ? (
        <>
          <p>
            <strong>The public page is on</strong>
            {publicSinceLabel ? ` (since ${publicSinceLabel})` : ""}. Anyone with this link can see the findings table and charts: no private notes, no internal messages and no people&apos;s names. Search engines are asked not to list it.
          </p>
          <div className="public-url">
            <label htmlFor="public-url">Public link</label>
            <input id="public-url" type="text" readOnly value={publicUrl} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="secondary" onClick={() => void copy()}>
              Copy the link
            </button>
            <a href={publicUrl} target="_blank" rel="noreferrer noopener">
              Open it
            </a>
          </div>
          <p role="status" aria-live="polite">
            {copied}
          </p>
        </>
      ) : (
        <p>
          <strong>The public page is off.</strong> Turn it on to share the findings table and charts at a link nobody can guess. You can turn it off at any time; the link then stops working.
        </p>
      )}
      <form action={formAction}>
        <input type="hidden" name="batchId" value={batchId} />
        <input type="hidden" name="on" value={publicUrl ? "0" : "1"} />
        <button type="submit" className={publicUrl ? "secondary" : undefined} disabled={pending}>
          {publicUrl ? "Turn the public page off" : "Turn the public page on"}
        </button>
      </form>
    </div>
  );
}
