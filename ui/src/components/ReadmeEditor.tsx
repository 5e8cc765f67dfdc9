import { useMemo, useState } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** The Hugging Face repository a definition points at, if any (top-level model_src or the first spec's). */
export function huggingFaceIdOf(definition: unknown): string | undefined {
  const d = (definition ?? {}) as Record<string, any>;
  const fromSrc = (src: any) => (typeof src?.huggingface?.model_id === 'string' ? (src.huggingface.model_id as string) : undefined);
  const top = fromSrc(d.model_src);
  if (top) return top.replace('{quantization}', '');
  for (const spec of Array.isArray(d.model_specs) ? d.model_specs : []) {
    const id = fromSrc(spec?.model_src);
    if (id && !id.includes('{')) return id;
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
  const [preview, setPreview] = useState(false);
  const [fetching, setFetching] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const html = useMemo(() => (preview ? renderMarkdown(value) : ''), [preview, value]);
  const repo = huggingFaceIdOf(definition);

  const getReadme = async () => {
    if (!repo) return;
    setFetching(true);
    setMessage(null);
    try {
      const response = await fetch(`https://huggingface.co/${repo}/raw/main/README.md`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      let text = await response.text();
      // drop the YAML front matter of model cards
      text = text.replace(/^---\n[\s\S]*?\n---\n+/, '');
      onChange(text);
      setMessage(`README fetched from huggingface.co/${repo}.`);
    } catch (e) {
      setMessage(`Could not fetch the README of ${repo} (${e instanceof Error ? e.message : String(e)}). Write it here instead.`);
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
          disabled={!repo || fetching}
          title={repo ? `Fetch README.md from huggingface.co/${repo}` : 'Add a huggingface model_id to the definition first'}
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
