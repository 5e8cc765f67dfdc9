import { describe, expect, it } from 'vitest';
import { analyzeJson, lineOf } from './jsonLines';

const text = `{
  "version": 2,
  "model_name": "x",
  "model_specs": [
    {
      "model_format": "pytorch",
      "model_src": {"huggingface": {"model_id": "a/b"}}
    }
  ],
  "a/b": {"c~d": 1}
}`;

describe('analyzeJson', () => {
  it('parses like JSON.parse', () => {
    expect(analyzeJson(text).value).toEqual(JSON.parse(text));
  });

  it('maps pointers to the line of their key', () => {
    const a = analyzeJson(text);
    expect(lineOf(a, '/version')).toBe(2);
    expect(lineOf(a, '/model_specs/0')).toBe(5);
    expect(lineOf(a, '/model_specs/0/model_format')).toBe(6);
    expect(lineOf(a, '/model_specs/0/model_src/huggingface/model_id')).toBe(7);
    expect(lineOf(a, '/a~1b/c~0d')).toBe(10);
  });

  it('falls back to the nearest ancestor for missing properties', () => {
    const a = analyzeJson(text);
    expect(lineOf(a, '/model_specs/0/model_src/huggingface/quantizations')).toBe(7);
    expect(lineOf(a, '/model_lang')).toBe(1);
    expect(lineOf(a, '')).toBe(1);
    expect(lineOf(a, undefined)).toBeUndefined();
  });

  it('accepts #-prefixed pointers', () => {
    expect(lineOf(analyzeJson(text), '#/model_name')).toBe(3);
  });

  it('reports syntax errors with line and column', () => {
    const a = analyzeJson('{\n  "a": 1,\n  "b": tru\n}');
    expect(a.syntaxError?.line).toBe(3);
    expect(a.syntaxError?.column).toBe(8);
    expect(a.value).toBeUndefined();
  });

  it('reports trailing commas and unterminated input', () => {
    expect(analyzeJson('{"a": [1, 2,]}').syntaxError?.message).toMatch(/Trailing comma/);
    expect(analyzeJson('{"a": 1').syntaxError?.message).toMatch(/ended/);
    expect(analyzeJson('{"a": 1} x').syntaxError?.message).toMatch(/after the end/);
    expect(analyzeJson('').syntaxError).toBeDefined();
  });

  it('handles escapes in strings', () => {
    expect(analyzeJson('{"a\\"b": "c\\\\d\\u00e9"}').value).toEqual({ 'a"b': 'c\\dé' });
  });
});

describe('definitionPointer', () => {
  it('drops the request body prefix only', async () => {
    const { definitionPointer } = await import('./jsonLines');
    expect(definitionPointer('/definition/version')).toBe('/version');
    expect(definitionPointer('/definition')).toBe('');
    expect(definitionPointer('/definitions/x')).toBe('/definitions/x');
    expect(definitionPointer(undefined)).toBeUndefined();
  });
});
