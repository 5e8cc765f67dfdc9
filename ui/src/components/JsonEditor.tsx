import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import { analyzeJson, definitionPointer, lineOf, type JsonAnalysis } from '../lib/jsonLines';

export interface EditorError {
  line?: number;
  pointer?: string;
  message: string;
}

export interface LiveValidation {
  analysis: JsonAnalysis;
  errors: EditorError[];
  valid: boolean | undefined; // undefined while unknown
  checking: boolean;
  compatibility?: unknown;
  serviceError?: string;
}

function located(analysis: JsonAnalysis, e: { pointer?: string; message: string }): EditorError {
  const pointer = definitionPointer(e.pointer);
  return { pointer, message: e.message, line: lineOf(analysis, pointer) };
}

/** Validates the definition as the user types: syntax locally, then the hub's per-type rules (debounced). */
export function useLiveValidation(modelType: string, text: string, delay = 400): LiveValidation {
  const { api } = useHub();
  const analysis = useMemo(() => analyzeJson(text), [text]);
  const [remote, setRemote] = useState<{ key: string; errors: EditorError[]; valid: boolean; compatibility?: unknown; serviceError?: string } | null>(null);
  const key = `${modelType}\u0000${text}`;

  useEffect(() => {
    if (analysis.syntaxError) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      api
        .validate(modelType, analysis.value)
        .then((result) => {
          if (cancelled) return;
          setRemote({
            key,
            valid: !!result.valid,
            compatibility: result.compatibility,
            errors: (result.errors ?? []).map((e) => located(analysis, e)),
          });
        })
        .catch((e) => {
          if (cancelled) return;
          // a 400 problem with errors[] is a validation answer too
          if (e instanceof ApiError && Array.isArray(e.problem.errors)) {
            setRemote({
              key,
              valid: false,
              errors: e.problem.errors.map((x) => located(analysis, x)),
            });
          } else {
            setRemote({ key, valid: true, errors: [], serviceError: `Live validation unavailable: ${describeError(e)}` });
          }
        });
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, modelType, analysis, key, delay]);

  if (analysis.syntaxError) {
    const { message, line, column } = analysis.syntaxError;
    return { analysis, errors: [{ line, message: `JSON syntax: ${message} (column ${column})` }], valid: false, checking: false };
  }
  const current = remote && remote.key === key ? remote : null;
  return {
    analysis,
    errors: current?.errors ?? [],
    valid: current ? current.valid && current.errors.length === 0 : undefined,
    checking: !current,
    compatibility: current?.compatibility,
    serviceError: current?.serviceError,
  };
}

export function JsonEditor({
  id,
  value,
  onChange,
  validation,
  label,
  rows = 22,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  validation?: LiveValidation;
  label: string;
  rows?: number;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [tabIndents, setTabIndents] = useState(false);
  const lineCount = value.split('\n').length;
  const errorLines = new Set((validation?.errors ?? []).map((e) => e.line).filter((l): l is number => !!l));

  const goToLine = (line?: number) => {
    const el = area.current;
    if (!el || !line) return;
    const lines = value.split('\n');
    const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
    const lineHeight = el.scrollHeight / Math.max(lines.length, 1);
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  return (
    <div className="json-editor">
      <div className="editor-toolbar">
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {/* Tab moves focus (no keyboard trap); indenting with Tab is opt-in, and Escape turns it off again */}
        <label className="tab-indent">
          <input type="checkbox" checked={tabIndents} onChange={(e) => setTabIndents(e.target.checked)} aria-describedby={`${id}-tab-help`} />
          Tab key indents
        </label>
        <span id={`${id}-tab-help`} className="sr-only">
          {tabIndents ? 'Tab inserts two spaces in the definition; press Escape to make Tab move to the next field again.' : 'Tab moves to the next field.'}
        </span>
      </div>
      <div className={`editor-frame ${validation?.valid === false ? 'has-errors' : ''}`}>
        <div className="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, i) => (
            <div key={i} className={errorLines.has(i + 1) ? 'err' : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          id={id}
          ref={area}
          value={value}
          rows={rows}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={validation?.valid === false}
          aria-describedby={`${id}-status ${id}-tab-help`}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && tabIndents) {
              setTabIndents(false);
              return;
            }
            if (tabIndents && e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey) {
              e.preventDefault();
              const el = e.currentTarget;
              const { selectionStart: s, selectionEnd: t } = el;
              onChange(value.slice(0, s) + '  ' + value.slice(t));
              requestAnimationFrame(() => el.setSelectionRange(s + 2, s + 2));
            }
          }}
        />
      </div>
      <div id={`${id}-status`} className="validation" aria-live="polite">
        {validation?.checking && <span className="muted">Checking…</span>}
        {validation?.valid === true && <span className="ok">✓ Valid definition</span>}
        {validation?.serviceError && <span className="muted">{validation.serviceError}</span>}
        {validation && validation.errors.length > 0 && (
          <ul className="errors">
            {validation.errors.map((e, i) => (
              <li key={i}>
                <button type="button" className="linklike" onClick={() => goToLine(e.line)}>
                  {e.line ? `Line ${e.line}` : 'Definition'}
                </button>
                {e.pointer ? <code>{e.pointer}</code> : null} {e.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
