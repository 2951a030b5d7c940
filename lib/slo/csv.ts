// CSV files of SLI samples for the upload page: `timestamp,good,total` with a header row, in any column
// order. Parsing only turns text into the API's sample objects; validateSamples then applies the rules.
export interface ParsedCsv {
  /** One object per data row, shaped like the API's samples. */
  rows: { timestamp: string | number; good: unknown; total: unknown }[];
  /** The file's line number (1-based) of each row, to point at the right line in messages. */
  lines: number[];
  /** Problems with the file itself (no header, a row with the wrong number of fields). */
  errors: { line: number; message: string }[];
}

const requiredColumns = ["timestamp", "good", "total"] as const;

/** Splits one CSV line into fields; handles double-quoted fields with "" escapes. */
function splitLine(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"' && current.trim() === "") {
      quoted = true;
      current = "";
    } else if (char === ",") {
      fields.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  fields.push(current.trim());
  return fields;
}

/** A count as a number when it reads as one ("12", "-3", "1.5"); otherwise the text, for validateSamples to name. */
function parseCount(text: string): unknown {
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
}

export function parseSamplesCsv(text: string): ParsedCsv {
  const result: ParsedCsv = { rows: [], lines: [], errors: [] };
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) {
    result.errors.push({ line: 1, message: "The file is empty. Start with a header row: timestamp,good,total" });
    return result;
  }
  const header = splitLine(lines[headerIndex]).map((name) => name.toLowerCase());
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length) {
    result.errors.push({ line: headerIndex + 1, message: `The header row lacks ${missing.join(", ")}. It must name the columns timestamp, good and total.` });
    return result;
  }
  const position = Object.fromEntries(requiredColumns.map((column) => [column, header.indexOf(column)])) as Record<(typeof requiredColumns)[number], number>;
  for (let index = headerIndex + 1; index < lines.length; index++) {
    if (lines[index].trim() === "") continue;
    const fields = splitLine(lines[index]);
    if (fields.length !== header.length) {
      result.errors.push({ line: index + 1, message: `Expected ${header.length} fields, found ${fields.length}` });
      continue;
    }
    const timestamp = fields[position.timestamp];
    result.rows.push({
      // Unix seconds stay numbers; anything else is a time text for validateSamples to parse.
      timestamp: /^\d+(?:\.\d+)?$/.test(timestamp) ? Number(timestamp) : timestamp,
      good: parseCount(fields[position.good]),
      total: parseCount(fields[position.total]),
    });
    result.lines.push(index + 1);
  }
  if (result.rows.length === 0 && result.errors.length === 0) result.errors.push({ line: headerIndex + 2, message: "The file has a header but no samples" });
  return result;
}
