"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/auth/form-state";
import { FormStatus } from "@/components/form-status";

export interface CalendarFeedState extends FormState {
  /** Whether a feed exists after the last action (undefined: as the page said). */
  hasFeed?: boolean;
  /** The new secret address, shown once (only its hash is stored). */
  url?: string;
}

/**
 * The person's calendar feed: create it, see and copy its secret address once, make a new
 * address (the old one stops working) or turn it off.
 */
export function AlertCalendarFeed({ action, hasFeed: initialHasFeed }: { action: (state: CalendarFeedState, formData: FormData) => Promise<CalendarFeedState>; hasFeed: boolean }) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [copied, setCopied] = useState<string | null>(null);
  const hasFeed = state.hasFeed ?? initialHasFeed;

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("Copied. Paste it into your calendar app.");
    } catch {
      setCopied("Your browser would not copy it: select the address and copy it yourself.");
    }
  }

  return (
    <div className="stack">
      <FormStatus state={state} />
      {state.url ? (
        <div className="field">
          <label htmlFor="calendar-feed-url">Your calendar feed address (secret)</label>
          <span className="hint" id="calendar-feed-url-hint">
            Anyone with this address can see your workspace&apos;s due dates. Keep it to yourself; if it leaks, make a new one below.
          </span>
          <div className="feed-url">
            <input id="calendar-feed-url" type="text" readOnly value={state.url} aria-describedby="calendar-feed-url-hint" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="secondary" onClick={() => void copy(state.url!)}>
              Copy the address
            </button>
          </div>
          <p role="status" aria-live="polite" className="hint">
            {copied}
          </p>
        </div>
      ) : hasFeed ? (
        <p className="notice">You have a calendar feed. Its address was shown once when you made it; to see an address again, make a new one (the old one then stops working).</p>
      ) : (
        <p>You have no calendar feed.</p>
      )}
      {state.url || hasFeed ? (
        <details className="panel">
          <summary>How to add it to your calendar</summary>
          <ul>
            <li>
              <strong>Google Calendar</strong> (on a computer): next to &ldquo;Other calendars&rdquo;, choose <strong>+</strong>, then <strong>From URL</strong>, paste the address
              and choose <strong>Add calendar</strong>. Google checks for changes every few hours.
            </li>
            <li>
              <strong>Outlook</strong> (outlook.com or Outlook on the web): in Calendar choose <strong>Add calendar</strong>, then <strong>Subscribe from web</strong>, paste
              the address and choose <strong>Import</strong>. In Outlook for Windows: <strong>Add calendar</strong>, <strong>From Internet</strong>.
            </li>
            <li>
              <strong>Apple Calendar</strong>: <strong>File</strong>, <strong>New Calendar Subscription</strong>, paste the address.
            </li>
          </ul>
          <p className="hint">Due dates move when a request&apos;s dates change, and disappear when it is closed.</p>
        </details>
      ) : null}
      <div className="list-actions">
        <form action={formAction}>
          <input type="hidden" name="intent" value="regenerate" />
          <button type="submit" disabled={pending}>
            {hasFeed ? "Make a new address" : "Create my calendar feed"}
          </button>
        </form>
        {hasFeed ? (
          <form action={formAction}>
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="secondary" disabled={pending}>
              Turn off the calendar feed
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
