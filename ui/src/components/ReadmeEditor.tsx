import { useMemo, useState } from 'react';
import { ApiError, describeError } from '../lib/api';
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

/** What went wrong with "Get README", in words a person can act on (never a bare status or "null"). */
export function readmeFailure(error: unknown, source: ReadmeSource): string {
  const where = source.hub === 'modelscope' ? 'ModelScope' : 'Hugging Face';
  if (error instanceof ApiError) {
    switch (error.status) {
      case 400:
        return `“${source.modelId}” is not a repository id ${where} knows how to look up (it should look like owner/name).`;
      case 401:
        return 'Your session has expired: log in again to fetch the README.';
      case 404:
        return `${where} has no model card (README.md) for ${source.modelId}${source.revision ? ` at ${source.revision}` : ''}.`;
      case 429:
        return `${where} is limiting requests right now: try again in a minute.`;
      case 502:
      case 503:
      case 504:
        return `${where} could not be reached just now: try again later.`;
      default:
        return `The README could not be fetched from ${where} (error ${error.status}).`;
    }
  }
  if (error instanceof TypeError) return 'The hub could not be reached: check your connection and try again.';
  return `The README could not be fetched from ${where}.`;
}

export function ReadmeEditor({
  id,
  value,
  onChange,
  definition,
  modelType,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  definition: unknown;
  modelType: string;
}) {
  const { api } = useHub();
  const [preview, setPreview] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const html = useMemo(() => (preview ? renderMarkdown(value) : ''), [preview, value]);
  const source = readmeSourceOf(definition);

  const fromDefinition = async (why: string) => {
    try {
      onChange(await api.readmeTemplate(modelType, definition));
      setMessage(`${why} A README was written from the definition instead: edit it as you like.`);
    } catch (e) {
      setMessage(`${why} No README could be written from the definition either (${describeError(e)}): write it here instead.`);
    }
  };

  const getReadme = async () => {
    setFetching(true);
    setMessage(null);
    try {
      if (!source) {
        await fromDefinition('The definition names no Hugging Face or ModelScope repository.');
        return;
      }
      const card = await api.fetchReadme(source.hub, source.modelId, source.revision);
      onChange(card.readme);
      setMessage(`README fetched from ${card.source ?? `${source.hub} ${source.modelId}`}${card.truncated ? ' (shortened: it was very long)' : ''}.`);
    } catch (e) {
      await fromDefinition(source ? readmeFailure(e, source) : describeError(e));
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
          disabled={fetching || definition == null}
          title={source ? `Fetch the model card of ${source.modelId} from ${source.hub}` : 'Write a README from the definition'}
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
