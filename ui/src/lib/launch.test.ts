import { describe, expect, it } from 'vitest';
import { engineFor, launchChoices, launchCommand } from './launch';

const qwq = {
  model_name: 'QwQ-32B',
  model_specs: [
    { model_format: 'pytorch', model_size_in_billions: 32, model_src: { huggingface: { quantizations: ['none'] } } },
    { model_format: 'ggufv2', model_size_in_billions: '0_5', model_src: { huggingface: { quantizations: ['Q4_K_M'] }, modelscope: { quantizations: ['Q4_K_M', 'Q8_0'] } } },
  ],
};

describe('launch command', () => {
  it('lists each format and size with the quantizations of all its sources', () => {
    expect(launchChoices(qwq)).toEqual([
      { format: 'pytorch', size: '32', quantizations: ['none'] },
      { format: 'ggufv2', size: '0_5', quantizations: ['Q4_K_M', 'Q8_0'] },
    ]);
    expect(launchChoices({})).toEqual([]);
  });

  it('builds an LLM command with the engine the CLI requires', () => {
    const [, gguf] = launchChoices(qwq);
    expect(launchCommand('QwQ-32B', 'llm', gguf, 'Q4_K_M')).toBe(
      'xinference launch --model-name QwQ-32B --model-type LLM --model-engine llama.cpp --model-format ggufv2 --size-in-billions 0_5 --quantization Q4_K_M',
    );
  });

  it('gives other types their type and no engine, and quotes what a shell would split', () => {
    expect(launchCommand('bge m3', 'embedding', { format: 'pytorch', quantizations: [] })).toBe(
      "xinference launch --model-name 'bge m3' --model-type embedding --model-format pytorch",
    );
    expect(launchCommand('Wan2.1-1.3B', 'video')).toBe('xinference launch --model-name Wan2.1-1.3B --model-type video');
    expect(engineFor('mlx')).toBe('MLX');
  });
});
