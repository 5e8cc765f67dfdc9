import type { ModelType } from './types';

/** A starting definition per type: the smallest definition Xinference v1.13.0 accepts, to be edited. */
export function templateFor(type: ModelType, name = 'my-model'): Record<string, unknown> {
  switch (type) {
    case 'llm':
      return {
        version: 2,
        model_name: name,
        context_length: 32768,
        model_lang: ['en'],
        model_ability: ['chat'],
        model_description: 'Describe the model in one or two sentences.',
        model_specs: [
          {
            model_format: 'pytorch',
            model_size_in_billions: 7,
            model_src: { huggingface: { model_id: `my-org/${name}`, quantizations: ['none'] } },
          },
        ],
      };
    case 'embedding':
      return {
        version: 2,
        model_name: name,
        dimensions: 1024,
        max_tokens: 8192,
        language: ['en'],
        model_specs: [
          {
            model_format: 'pytorch',
            model_src: { huggingface: { model_id: `my-org/${name}`, quantizations: ['none'] } },
          },
        ],
      };
    case 'rerank':
      return {
        version: 2,
        model_name: name,
        type: 'normal',
        language: ['en'],
        max_tokens: 8192,
        model_specs: [
          {
            model_format: 'pytorch',
            model_src: { huggingface: { model_id: `my-org/${name}`, quantizations: ['none'] } },
          },
        ],
      };
    case 'image':
      return {
        version: 2,
        model_name: name,
        model_family: 'stable_diffusion',
        model_ability: ['text2image'],
        model_src: { huggingface: { model_id: `my-org/${name}`, model_revision: 'main' } },
      };
    case 'audio':
      return {
        version: 2,
        model_name: name,
        model_family: 'whisper',
        model_ability: ['audio2text'],
        multilingual: true,
        model_src: { huggingface: { model_id: `my-org/${name}`, model_revision: 'main' } },
      };
    case 'video':
      return {
        version: 2,
        model_name: name,
        model_family: 'Wan',
        model_ability: ['text2video'],
        model_src: { huggingface: { model_id: `my-org/${name}`, model_revision: 'main' } },
      };
  }
}

export function readmeTemplate(name: string): string {
  return `# ${name}\n\nWhat the model does, who made it, and its licence.\n\n## Usage\n\n\`\`\`bash\nxinference launch --model-name ${name}\n\`\`\`\n`;
}
