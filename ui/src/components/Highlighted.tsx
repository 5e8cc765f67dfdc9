import { Fragment } from 'react';

/** The query side marks matches between these private-use characters (plain text, never HTML). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Splits a marked string into text and <mark> parts; React escapes both, so nothing from the index is markup. */
export function Highlighted({ text }: { text: string }) {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  let current = '';
  for (const ch of text) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) parts.push({ text: current, marked });
      current = '';
      marked = ch === MARK_START;
    } else {
      current += ch;
    }
  }
  if (current) parts.push({ text: current, marked });
  return (
    <>
      {parts.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

export function unmarked(text: string): string {
  return text.split(MARK_START).join('').split(MARK_END).join('');
}
