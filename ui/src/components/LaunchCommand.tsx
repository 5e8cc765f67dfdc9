import { useMemo, useState } from 'react';
import { launchChoices, launchCommand } from '../lib/launch';

/** "Use this model": the `xinference launch` command for the chosen format / size / quantization, copyable. */
export function LaunchCommand({ modelName, modelType, definition }: { modelName: string; modelType: string; definition: unknown }) {
  const choices = useMemo(() => launchChoices(definition), [definition]);
  const [index, setIndex] = useState(0);
  const choice = choices[index];
  const [quantization, setQuantization] = useState<string | undefined>(choice?.quantizations[0]);
  const [copied, setCopied] = useState(false);
  const command = launchCommand(modelName, modelType, choice, quantization);

  function pick(next: number) {
    setIndex(next);
    setQuantization(choices[next]?.quantizations[0]);
    setCopied(false);
  }

  return (
    <section className="launch" aria-labelledby="launch-title">
      <h2 id="launch-title">Use this model</h2>
      <p className="muted">
        In Xinference (v1.13.0 or later) after updating the {modelType} list from this hub, run:
      </p>
      {choices.length > 0 && (
        <div className="launch-choices">
          <label>
            Format and size{' '}
            <select value={index} onChange={(e) => pick(Number(e.target.value))}>
              {choices.map((c, i) => (
                <option key={i} value={i}>
                  {c.format}
                  {c.size !== undefined ? ` · ${c.size.replace('_', '.')} B` : ''}
                </option>
              ))}
            </select>
          </label>
          {choice && choice.quantizations.length > 0 && (
            <label>
              Quantization{' '}
              <select value={quantization} onChange={(e) => { setQuantization(e.target.value); setCopied(false); }}>
                {choice.quantizations.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      <div className="launch-command">
        <code data-testid="launch-command">{command}</code>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void navigator.clipboard?.writeText(command).then(() => setCopied(true))}
        >
          {copied ? 'Copied' : 'Copy command'}
        </button>
      </div>
      <p className="sr-only" role="status">
        {copied ? 'Command copied to the clipboard' : ''}
      </p>
    </section>
  );
}
