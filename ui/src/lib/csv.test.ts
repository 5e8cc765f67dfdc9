import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes only what needs quoting', () => {
    expect(toCsv(['a', 'b'], [['x', 1], ['say "hi", ok', null], ['two\nlines', undefined]])).toBe('a,b\r\nx,1\r\n"say ""hi"", ok",\r\n"two\nlines",\r\n');
  });
});
