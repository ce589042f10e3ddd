"use client";

/** Opens the browser's print dialogue (where "Save as PDF" makes the report a PDF). */
export function FindingsPrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
