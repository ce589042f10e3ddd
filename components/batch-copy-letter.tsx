"use client";

import { useState } from "react";

/** Copies one recipient's letter for pasting into WhatDoTheyKnow, and says so to screen readers. */
export function BatchCopyLetter({ text, bodyName }: { text: string; bodyName: string }) {
  const [status, setStatus] = useState("");
  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      // A changed message, so a second copy is announced too.
      setStatus((s) => (s.startsWith("Copied.") ? "Copied again." : "Copied. Paste it into WhatDoTheyKnow."));
    } catch {
      setStatus("Could not copy automatically: open Preview, select the letter and copy it.");
    }
  }
  return (
    <span className="copy-letter">
      <button type="button" className="secondary" onClick={copy}>
        Copy the letter<span className="visually-hidden"> to {bodyName}</span>
      </button>{" "}
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </span>
  );
}
