/**
 * @module Splits CSV text (RFC 4180 quoting, LF or CRLF line ends) into records, each with the line it starts on.
 *
 * Written here rather than taken from csv-parse because an importer owes its user exact line numbers
 * (csv-parse's `info.lines` drifts once a quoted cell spans lines or line ends are CRLF) and every
 * problem rather than the first (csv-parse stops at the first bad quote).
 */

export interface CsvRecord {
  /** The line the record starts on; the header is line 1. */
  line: number;
  cells: string[];
}

export interface CsvSyntaxError {
  line: number;
  message: string;
}

export interface CsvTable {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
}

const quote = 34;
const comma = 44;
const lineFeed = 10;
const carriageReturn = 13;

function countLineFeeds(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * Parse CSV text (already decoded, without its byte-order mark). Empty lines are skipped. A malformed
 * line is reported and skipped, and reading goes on from the next line, so one stray quote does not
 * hide the problems after it; only a quoted cell that is never closed ends the reading.
 * @example parseCsv('child_id,surname\r\nC1,"Boyd, Jr"\r\n').records
 * // [{ line: 1, cells: ['child_id', 'surname'] }, { line: 2, cells: ['C1', 'Boyd, Jr'] }]
 */
export function parseCsv(text: string): CsvTable {
  const errors: CsvSyntaxError[] = [];
  const records = [...csvRecords(text, errors)];
  return { records, errors };
}

/** Records and syntax errors as the file is read: what `csvRecords` gives, the errors filled in as they are met. */
export interface CsvSource {
  records: Iterable<CsvRecord>;
  errors: CsvSyntaxError[];
}

/**
 * `parseCsv`'s records one at a time, as they are read (its errors pushed onto `errors` as they are met): an importer
 * turns each into a typed row and lets its cells go at once, instead of holding a whole file's cells until the
 * file is done (issue 15 item 5: the import's memory). The text may come in parts (`textParts`), each but the last
 * ending with a line feed: a record whose quoted cell runs on into the next part is read again with it, so records,
 * lines and errors are the same as for the whole text at once, and no more than a part or two is ever held.
 * @example const errors = []; for (const record of csvRecords(text, errors)) use(record)
 */
export function* csvRecords(source: string | Iterable<string>, errors: CsvSyntaxError[]): Generator<CsvRecord, void, undefined> {
  const parts = (typeof source === 'string' ? [source] : source)[Symbol.iterator]();
  let text = '';
  let length = 0;
  let position = 0;
  let line = 1;
  let last = false;
  /** Drop what has been read and add the next part; false when there is none. */
  const more = (keepFrom: number): boolean => {
    if (last) return false;
    const next = parts.next();
    if (next.done) {
      last = true;
      return false;
    }
    text = text.slice(keepFrom) + next.value;
    length = text.length;
    position -= keepFrom;
    return true;
  };

  for (;;) {
    if (position >= length && !more(position)) return;
    const first = text.charCodeAt(position);
    if (first === lineFeed || (first === carriageReturn && text.charCodeAt(position + 1) === lineFeed)) {
      position += first === lineFeed ? 1 : 2;
      line++;
      continue;
    }
    const recordStart = position;
    const recordLine = line;
    const cells: string[] = [];
    let wrong: string | undefined;
    let unfinished = false;

    for (;;) {
      let quoted = false;
      if (text.charCodeAt(position) === quote) {
        quoted = true;
        const cellLine = line;
        let value = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (!last) {
              unfinished = true;
              break;
            }
            errors.push({ line: cellLine, message: 'a quoted cell starting on this line is never closed (a " is missing), so the rest of the file cannot be read' });
            return;
          }
          const piece = text.slice(from, close);
          value += piece;
          line += countLineFeeds(piece);
          if (text.charCodeAt(close + 1) === quote) {
            value += '"';
            from = close + 2;
            continue;
          }
          position = close + 1;
          break;
        }
        if (unfinished) break;
        cells.push(value);
      } else {
        let end = position;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === comma || code === lineFeed || code === carriageReturn || code === quote) break;
          end++;
        }
        cells.push(text.slice(position, end));
        position = end;
      }

      if (position >= length) break;
      const next = text.charCodeAt(position);
      if (next === comma) {
        position++;
        continue;
      }
      if (next === lineFeed) {
        position++;
        line++;
        break;
      }
      if (next === carriageReturn && text.charCodeAt(position + 1) === lineFeed) {
        position += 2;
        line++;
        break;
      }
      if (next === carriageReturn) wrong = 'has a carriage return (CR) on its own: lines must end with LF or CRLF';
      else if (quoted) wrong = 'has text straight after a closing quote: a " inside a quoted cell must be doubled ("")';
      else wrong = 'has a " inside a cell that does not start with one: quote the whole cell and double the " ("")';
      break;
    }

    if (unfinished) {
      // A quoted cell runs on past this part: read the record again from its start with the next part added.
      position = recordStart;
      line = recordLine;
      more(recordStart);
      continue;
    }
    if (wrong) {
      errors.push({ line, message: wrong });
      const endOfLine = text.indexOf('\n', position);
      if (endOfLine === -1) break;
      position = endOfLine + 1;
      line++;
      continue;
    }
    yield { line: recordLine, cells };
  }
}
