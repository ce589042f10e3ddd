"use client";

/** Opens the browser's print dialogue (the print CSS gives one letter per page). */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Print the letters
    </button>
  );
}
