// Pure: no I/O. Reads CSV as spreadsheets write it (RFC 4180: quoted fields may hold commas,
// quotes doubled, line breaks), and a table pasted from a spreadsheet (tab-separated).

export interface ParsedCsv {
  /** Each record's fields, with the line of the file it starts on (1-based, the header is line 1). */
  records: Array<{ line: number; fields: string[] }>;
  delimiter: "," | "\t" | ";";
}

/** The separator the first line uses outside quotes: a tab (pasted from a spreadsheet), a semicolon (some European Excel) or a comma. */
function detectDelimiter(text: string): ParsedCsv["delimiter"] {
  let inQuotes = false;
  const counts = { ",": 0, "\t": 0, ";": 0 };
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && (ch === "," || ch === "\t" || ch === ";")) counts[ch]++;
  }
  if (counts["\t"] > 0 && counts["\t"] >= counts[","]) return "\t";
  if (counts[";"] > counts[","]) return ";";
  return ",";
}

/**
 * Splits CSV text into records. A byte-order mark is dropped; blank lines are skipped; a quote
 * left open runs to the end of the text (the last field keeps what was there). Stops once
 * `maxRecords` records are read and says so with `truncated`.
 */
export function parseCsv(input: string, maxRecords = Number.POSITIVE_INFINITY): ParsedCsv & { truncated: boolean } {
  const text = input.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const records: ParsedCsv["records"] = [];
  let field = "";
  let fields: string[] = [];
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let truncated = false;

  const endRecord = () => {
    fields.push(field);
    field = "";
    if (fields.some((f) => f.trim() !== "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      field = "";
      inQuotes = true;
    } else if (ch === delimiter) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
      if (records.length >= maxRecords) {
        truncated = i + 1 < text.length && text.slice(i + 1).trim() !== "";
        return { records, delimiter, truncated };
      }
    } else field += ch;
  }
  if (field !== "" || fields.length > 0) endRecord();
  if (records.length > maxRecords) {
    records.length = maxRecords;
    truncated = true;
  }
  return { records, delimiter, truncated };
}
