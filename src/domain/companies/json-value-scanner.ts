// Finds where top-level JSON values begin and end in text that arrives line by line, by counting
// brackets outside strings — so a reader can buffer one value that spans lines (a pretty-printed CVR
// search response) without holding the rest of the file. Used by cvr-document.ts.

export type ScanEvent =
  /** A complete top-level value; `itemLines` are the lines where its hits or elements begin. */
  | { kind: 'value'; text: string; line: number; itemLines: number[] }
  /** A value cut off inside a string: JSON strings cannot hold a line break. */
  | { kind: 'broken'; line: number }
  /** Text outside any value that does not begin one. */
  | { kind: 'garbage'; text: string; line: number };

export class JsonValueScanner {
  private stack: string[] = [];
  private inString = false;
  private escaped = false;
  private buffer: string[] = [];
  private startLine = 0;
  private itemLines: number[] = [];

  /** True between values. */
  get idle(): boolean {
    return this.stack.length === 0;
  }

  /** The line where the open value began, if one is open. */
  get openSince(): number | null {
    return this.stack.length > 0 ? this.startLine : null;
  }

  /** Forgets an open value (the caller reports it). */
  reset(): void {
    this.stack = [];
    this.inString = false;
    this.escaped = false;
    this.buffer = [];
    this.itemLines = [];
  }

  feed(line: string, number: number): ScanEvent[] {
    const events: ScanEvent[] = [];
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (ch === '\\') this.escaped = true;
        else if (ch === '"') this.inString = false;
        continue;
      }
      if (this.stack.length === 0) {
        if (ch === ' ' || ch === '\t' || ch === '\r') continue;
        if (ch !== '{' && ch !== '[') {
          events.push({ kind: 'garbage', text: line.slice(i), line: number });
          return events;
        }
        from = i;
        this.startLine = number;
        this.itemLines = [];
      }
      if (ch === '"') this.inString = true;
      else if (ch === '{' || ch === '[') {
        // An element of a top-level array, or of the array at depth 3 (response → hits → hits[]).
        if (ch === '{' && this.stack.at(-1) === '[' && (this.stack.length === 1 || this.stack.length === 3)) this.itemLines.push(number);
        this.stack.push(ch);
      } else if (ch === '}' || ch === ']') {
        this.stack.pop();
        if (this.stack.length === 0) {
          this.buffer.push(line.slice(from, i + 1));
          events.push({ kind: 'value', text: this.buffer.join('\n'), line: this.startLine, itemLines: this.itemLines });
          this.buffer = [];
          from = i + 1;
        }
      }
    }
    if (this.stack.length > 0) {
      if (this.inString) {
        events.push({ kind: 'broken', line: this.startLine });
        this.reset();
      } else this.buffer.push(line.slice(from));
    }
    return events;
  }
}
