import { describe, expect, it } from 'vitest';
import { lineDiff, withContext } from './diff';

describe('lineDiff', () => {
  it('marks removed and added lines', () => {
    const d = lineDiff('a\nb\nc\nd', 'a\nB\nc\nd\ne');
    expect(d.map((l) => `${l.kind}${l.text}`)).toEqual([' a', '-b', '+B', ' c', ' d', '+e']);
  });

  it('is all context for equal texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === ' ')).toBe(true);
  });

  it('keeps only the changes with context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const shown = withContext(lineDiff(before, after), 1);
    expect(shown.map((l) => (l ? `${l.kind}${l.text}` : '…'))).toEqual(['…', ' line 9', '-line 10', '+line ten', ' line 11', '…']);
  });
});
