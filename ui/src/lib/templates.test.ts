import { describe, expect, it } from 'vitest';
import { templateFor } from './templates';
import { MODEL_TYPES } from './types';

describe('templateFor', () => {
  it.each(MODEL_TYPES)('gives %s a version-2 definition with the requested name', (type) => {
    const t = templateFor(type, 'demo-1');
    expect(t.version).toBe(2);
    expect(t.model_name).toBe('demo-1');
  });

  it('has the required keys per type', () => {
    expect(Object.keys(templateFor('llm'))).toEqual(expect.arrayContaining(['model_lang', 'model_ability', 'model_specs']));
    expect(Object.keys(templateFor('embedding'))).toEqual(expect.arrayContaining(['dimensions', 'max_tokens', 'language', 'model_specs']));
    expect(Object.keys(templateFor('rerank'))).toEqual(expect.arrayContaining(['language', 'model_specs']));
    expect(Object.keys(templateFor('image'))).toEqual(expect.arrayContaining(['model_family', 'model_src']));
    expect(Object.keys(templateFor('audio'))).toEqual(expect.arrayContaining(['model_family', 'multilingual', 'model_src']));
    expect(Object.keys(templateFor('video'))).toEqual(expect.arrayContaining(['model_family', 'model_src']));
  });
});
