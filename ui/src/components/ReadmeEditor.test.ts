import { describe, expect, it } from 'vitest';
import { readmeSourceOf } from './ReadmeEditor';

describe('readmeSourceOf', () => {
  it('uses the top-level model_src of image, audio and video definitions', () => {
    expect(readmeSourceOf({ model_src: { modelscope: { model_id: 'a/b', model_revision: 'master' }, huggingface: { model_id: 'c/d', model_revision: 'abc' } } })).toEqual({
      hub: 'huggingface',
      modelId: 'c/d',
      revision: 'abc',
    });
  });

  it('uses the first spec with a concrete id', () => {
    expect(
      readmeSourceOf({
        model_specs: [
          { model_src: { huggingface: { model_id: 'org/x-{quantization}' } } },
          { model_src: { huggingface: { model_id: 'org/x' } } },
        ],
      }),
    ).toEqual({ hub: 'huggingface', modelId: 'org/x', revision: undefined });
  });

  it('falls back to modelscope and to nothing', () => {
    expect(readmeSourceOf({ model_src: { modelscope: { model_id: 'm/s' } } })?.hub).toBe('modelscope');
    expect(readmeSourceOf({})).toBeUndefined();
    expect(readmeSourceOf(undefined)).toBeUndefined();
  });
});
