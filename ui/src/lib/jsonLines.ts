/**
 * A small JSON reader that remembers on which line every value starts, keyed by its JSON Pointer
 * (RFC 6901), so validation errors from the API (`errors[].pointer`) can be shown at the right line of the
 * editor. It also reports syntax errors with a line and column.
 */
export interface JsonAnalysis {
  value?: unknown;
  lines: Map<string, number>;
  syntaxError?: { message: string; line: number; column: number };
}

class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function analyzeJson(text: string): JsonAnalysis {
  const lines = new Map<string, number>();
  let pos = 0;

  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
    return line;
  };
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, pos);
  };
  const skip = () => {
    while (pos < text.length && /[ \t\r\n]/.test(text[pos])) pos++;
  };
  const expect = (c: string) => {
    if (text[pos] !== c) fail(pos >= text.length ? `Expected '${c}' but the text ended` : `Expected '${c}' but found '${text[pos]}'`);
    pos++;
  };
  const readString = (): string => {
    const start = pos;
    expect('"');
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] === '\\') pos++;
      else if (text[pos] === '\n') fail('Unterminated string');
      pos++;
    }
    if (pos >= text.length) fail('Unterminated string');
    pos++;
    try {
      return JSON.parse(text.slice(start, pos)) as string;
    } catch {
      pos = start;
      return fail('Invalid escape in string');
    }
  };
  const readValue = (pointer: string): unknown => {
    skip();
    lines.set(pointer, lineAt(pos));
    const c = text[pos];
    if (c === '{') {
      pos++;
      const obj: Record<string, unknown> = {};
      skip();
      if (text[pos] === '}') {
        pos++;
        return obj;
      }
      for (;;) {
        skip();
        if (text[pos] !== '"') fail(text[pos] === '}' ? 'Trailing comma before }' : 'Expected a property name in double quotes');
        const keyLine = lineAt(pos);
        const key = readString();
        skip();
        expect(':');
        const childPointer = `${pointer}/${escapePointer(key)}`;
        obj[key] = readValue(childPointer);
        // a property is best shown at its key's line
        lines.set(childPointer, keyLine);
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      pos++;
      const arr: unknown[] = [];
      skip();
      if (text[pos] === ']') {
        pos++;
        return arr;
      }
      for (;;) {
        skip();
        if (text[pos] === ']') fail('Trailing comma before ]');
        arr.push(readValue(`${pointer}/${arr.length}`));
        skip();
        if (text[pos] === ',') {
          pos++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return readString();
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(pos, pos + 400));
    if (!literal) fail(pos >= text.length ? 'Unexpected end of the text' : `Unexpected '${c}'`);
    pos += literal![0].length;
    return JSON.parse(literal![0]);
  };

  try {
    const value = readValue('');
    skip();
    if (pos < text.length) fail(`Unexpected '${text[pos]}' after the end of the JSON`);
    return { value, lines };
  } catch (e) {
    const offset = e instanceof JsonSyntaxError ? e.offset : pos;
    const line = lineAt(offset);
    const lastNewline = text.lastIndexOf('\n', offset - 1);
    return {
      lines,
      syntaxError: { message: (e as Error).message, line, column: offset - lastNewline },
    };
  }
}

/** The line for a pointer, falling back to its nearest known ancestor (e.g. a missing required property). */
export function lineOf(analysis: JsonAnalysis, pointer: string | undefined): number | undefined {
  if (pointer === undefined) return undefined;
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p && !p.startsWith('/')) p = `/${p.replace(/\./g, '/')}`;
  for (;;) {
    const line = analysis.lines.get(p);
    if (line !== undefined) return line;
    if (!p) return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/**
 * The command-side locates problems in the request body (`/definition/model_specs/0/...`); the editor holds the
 * definition itself, so drop that first segment.
 */
export function definitionPointer(pointer: string | undefined): string | undefined {
  return pointer?.replace(/^\/definition(?=\/|$)/, '');
}
