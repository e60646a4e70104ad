// Where a JSON text stops being JSON. Node 20's JSON.parse gives a position for some errors only
// ("Unexpected token '}', … is not valid JSON" has none), and the CLI must name the position
// (spec 05 command; exit 1 "for unreadable file/invalid JSON"). This scanner follows RFC 8259 and
// reports the first offending character with a Danish description.

export interface JsonErrorLocation {
  /** 0-based offset in UTF-16 code units, as JSON.parse counts. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Danish description, e.g. "uventet tegn '}'". */
  problem: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** Null when the text is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const fail = (problem?: string): never => {
    const ch = text[i];
    throw new Stop(i, problem ?? (ch === undefined ? 'filen slutter midt i JSON-værdien' : `uventet tegn ${JSON.stringify(ch)}`));
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (ch: string, what: string): void => {
    if (text[i] !== ch) fail(`forventede ${what}${text[i] === undefined ? ', men filen slutter' : `, men fandt ${JSON.stringify(text[i])}`}`);
    i++;
  };
  const string = (): void => {
    const start = i;
    i++; // opening quote
    for (;;) {
      const ch = text[i];
      if (ch === undefined) {
        i = start; // point at the quote that was never closed, not at the end of the file
        fail('en tekst i anførselstegn er ikke lukket');
      }
      if (ch === '"') return void i++;
      if (ch! < ' ') fail('et linjeskift eller kontroltegn inde i en tekst (skriv \\n)');
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2;
        else fail('ugyldig escape-sekvens efter \\');
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return void (i += literal.length);
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (ch !== undefined && /[-\d]/.test(ch) && number.test(text)) return void (i = number.lastIndex);
    fail();
  };
  const object = (): void => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(`forventede et feltnavn i anførselstegn${text[i] === undefined ? '' : `, men fandt ${JSON.stringify(text[i])}`}`);
      string();
      ws();
      expect(':', "':' efter feltnavnet");
      value();
      ws();
      if (text[i] === ',') i++;
      else return expect('}', "',' eller '}'");
    }
  };
  const array = (): void => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      value();
      ws();
      if (text[i] === ',') i++;
      else return expect(']', "',' eller ']'");
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('der står mere efter JSON-værdien');
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    return { offset: error.offset, line, column: error.offset - before.lastIndexOf('\n'), problem: error.problem };
  }
}
