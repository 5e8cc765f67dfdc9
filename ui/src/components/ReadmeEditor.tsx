import { useMemo, useState } from 'react';
import { describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import { renderMarkdown } from '../lib/markdown';

export interface ReadmeSource {
  hub: string;
  modelId: string;
  revision?: string;
}

const HUBS = ['huggingface', 'modelscope'];

/**
 * Where "Get README" looks: the definition's top-level model_src (image, audio, video) or its first spec's
 * (llm, embedding, rerank), Hugging Face first. Templated ids ({quantization}) are skipped.
 */
export function readmeSourceOf(definition: unknown): ReadmeSource | undefined {
  const d = (definition ?? {}) as Record<string, unknown>;
  const sources: unknown[] = [d.model_src];
  if (Array.isArray(d.model_specs)) sources.push(...d.model_specs.map((s) => (s as Record<string, unknown>)?.model_src));
  for (const hub of HUBS) {
    for (const src of sources) {
      const entry = (src as Record<string, Record<string, unknown>> | undefined)?.[hub];
      const modelId = entry?.model_id;
      if (typeof modelId === 'string' && modelId && !modelId.includes('{')) {
        const revision = typeof entry?.model_revision === 'string' ? entry.model_revision : undefined;
        return { hub, modelId, revision };
      }
    }
  }
  return undefined;
}

export function ReadmeEditor({
  id,
  value,
  onChange,
  definition,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  definition: unknown;
}) {
  const { api } = useHub();
  const [preview, setPreview] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const html = useMemo(() => (preview ? renderMarkdown(value) : ''), [preview, value]);
  const source = readmeSourceOf(definition);

  const getReadme = async () => {
    if (!source) return;
    setFetching(true);
    setMessage(null);
    try {
      const card = await api.fetchReadme(source.hub, source.modelId, source.revision);
      onChange(card.readme);
      setMessage(`README fetched from ${card.source ?? `${source.hub} ${source.modelId}`}${card.truncated ? ' (shortened: it was very long)' : ''}.`);
    } catch (e) {
      setMessage(`Could not get the README of ${source.modelId} from ${source.hub}: ${describeError(e)} Write it here instead.`);
    } finally {
      setFetching(false);
    }
  };

  return (
    <div className="readme-editor">
      <div className="editor-toolbar">
        <label htmlFor={id} className="field-label">
          README (Markdown)
        </label>
        <div className="segmented" role="group" aria-label="README view">
          <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
            Write
          </button>
          <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
            Preview
          </button>
        </div>
        <button
          type="button"
          className="btn btn-small"
          disabled={!source || fetching}
          title={source ? `Fetch the model card of ${source.modelId} from ${source.hub}` : 'Add a huggingface or modelscope model_id to the definition first'}
          onClick={() => void getReadme()}
        >
          {fetching ? 'Fetching…' : 'Get README'}
        </button>
      </div>
      {preview ? (
        <article className="markdown preview" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <textarea id={id} className="readme-text" rows={12} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
