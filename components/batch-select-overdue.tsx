"use client";

import { useState } from "react";

/** Ticks the overdue rows of the bulk-action table (those marked data-overdue) in form `formId`. */
export function BatchSelectOverdue({ formId, overdue }: { formId: string; overdue: number }) {
  const [status, setStatus] = useState("");
  function choose(mode: "overdue" | "none") {
    const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"][name="requestIds"]`);
    let ticked = 0;
    boxes.forEach((box) => {
      box.checked = mode === "overdue" && box.dataset.overdue === "1";
      if (box.checked) ticked++;
    });
    setStatus(mode === "none" ? "No request ticked." : `${ticked} overdue request${ticked === 1 ? "" : "s"} ticked.`);
  }
  return (
    <span className="select-overdue">
      <button type="button" className="secondary" onClick={() => choose("overdue")} disabled={overdue === 0}>
        Tick all overdue ({overdue})
      </button>{" "}
      <button type="button" className="secondary" onClick={() => choose("none")}>
        Untick all
      </button>{" "}
      <span role="status" aria-live="polite" className="muted">
        {status}
      </span>
    </span>
  );
}
