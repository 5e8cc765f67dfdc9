// The `xinference launch` command for a model definition, with the flags of Xinference v1.13.0's CLI
// (xinference/deploy/cmdline.py, `launch`): --model-name/-n (required), --model-type/-t (default LLM),
// --model-engine/-en (required for LLM), --size-in-billions/-s, --model-format/-f, --quantization/-q,
// --endpoint/-e. Long flags are used: they explain themselves when pasted into a terminal.

export interface LaunchChoice {
  format: string;
  size?: string;
  quantizations: string[];
}

type Spec = { model_format?: unknown; model_size_in_billions?: unknown; quantizations?: unknown; model_src?: unknown };

/** Every format / size of the definition's model_specs with the quantizations any of its sources offers. */
export function launchChoices(definition: unknown): LaunchChoice[] {
  const specs = (definition as { model_specs?: unknown })?.model_specs;
  if (!Array.isArray(specs)) return [];
  const choices: LaunchChoice[] = [];
  for (const spec of specs as Spec[]) {
    if (typeof spec?.model_format !== 'string') continue;
    const quantizations = new Set<string>();
    const add = (values: unknown) => Array.isArray(values) && values.forEach((v) => typeof v === 'string' && quantizations.add(v));
    add(spec.quantizations);
    if (spec.model_src && typeof spec.model_src === 'object') {
      Object.values(spec.model_src as Record<string, { quantizations?: unknown }>).forEach((src) => add(src?.quantizations));
    }
    const size = spec.model_size_in_billions;
    choices.push({
      format: spec.model_format,
      size: typeof size === 'number' || typeof size === 'string' ? String(size) : undefined,
      quantizations: [...quantizations],
    });
  }
  return choices;
}

/** The engine Xinference runs a format with by default (the CLI requires one for LLMs). */
export function engineFor(format: string): string {
  switch (format) {
    case 'ggufv2':
    case 'ggmlv3':
      return 'llama.cpp';
    case 'mlx':
      return 'MLX';
    case 'awq':
    case 'gptq':
    case 'fp8':
      return 'vLLM';
    default:
      return 'Transformers';
  }
}

/** Quotes a value for a POSIX shell when it holds anything beyond safe characters. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9._\-/:=+@]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function launchCommand(modelName: string, modelType: string, choice?: LaunchChoice, quantization?: string): string {
  const parts = ['xinference', 'launch', '--model-name', shellWord(modelName)];
  const llm = modelType.toLowerCase() === 'llm';
  parts.push('--model-type', llm ? 'LLM' : modelType);
  if (choice) {
    if (llm) parts.push('--model-engine', shellWord(engineFor(choice.format)));
    parts.push('--model-format', shellWord(choice.format));
    if (choice.size !== undefined) parts.push('--size-in-billions', shellWord(choice.size));
    if (quantization) parts.push('--quantization', shellWord(quantization));
  }
  return parts.join(' ');
}
