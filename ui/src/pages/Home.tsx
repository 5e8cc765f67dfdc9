import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { tabListKeys } from '../lib/tabs';
import { statusLabel } from '../components/Badges';
import { ModelCard } from '../components/ModelCard';
import { describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import { MODEL_TYPES, type Facets, type ModelSummary, type Suggestion } from '../lib/types';

const FACET_GROUPS: { key: string; label: string; signedIn?: boolean; label_of?: (v: string) => string }[] = [
  { key: 'ability', label: 'Abilities' },
  { key: 'language', label: 'Languages' },
  { key: 'format', label: 'Formats' },
  // what signed-in people see beyond the public catalogue (their private models, pending ones for reviewers)
  { key: 'visibility', label: 'Visibility', signedIn: true, label_of: (v) => v.charAt(0) + v.slice(1).toLowerCase() },
  { key: 'status', label: 'Status', signedIn: true, label_of: statusLabel },
];
const FILTER_KEYS = FACET_GROUPS.map((g) => g.key);
const PAGE_SIZE = '24';
const SEARCH_DELAY_MS = 30;

export function Home() {
  const { api, session } = useHub();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const q = params.get('q') ?? '';
  // with words typed, the best matches come first unless the person picks another order
  const defaultSort = q ? 'relevance' : 'featured';
  const sort = params.get('sort') ?? defaultSort;
  const [text, setText] = useState(q);
  const [items, setItems] = useState<ModelSummary[]>([]);
  const [facets, setFacets] = useState<Facets>({});
  const [typeCounts, setTypeCounts] = useState<Record<string, number>>({});
  const [total, setTotal] = useState<number | undefined>();
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  // on a phone the filters sit behind a button so the first model is on the first screen
  const [filtersOpen, setFiltersOpen] = useState(false);

  const filters: Record<string, string | undefined> = {
    q: q || undefined,
    type: type || undefined,
    ability: params.get('ability') ?? undefined,
    language: params.get('language') ?? undefined,
    format: params.get('format') ?? undefined,
    visibility: params.get('visibility') ?? undefined,
    status: params.get('status') ?? undefined,
    sort,
    size: PAGE_SIZE,
  };
  const filterKey = JSON.stringify(filters);

  // search as you type: debounce the box into the URL
  useEffect(() => {
    if (text === q) return;
    // short enough that results render within 150 ms of the last keystroke, long enough to skip mid-word requests
    const timer = setTimeout(() => {
      pushed.current = text;
      update({ q: text || undefined, sort: undefined });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  // the box follows the address only when it changed from elsewhere (back, a link): never echo our own update back
  // into the box while the person keeps typing, which would drop the keys typed since
  const pushed = useRef(q);
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  // names completing what is typed, offered by the browser's own accessible list (datalist)
  useEffect(() => {
    if (!text.trim()) {
      setSuggestions([]);
      return;
    }
    let current = true;
    api
      .suggestions(text)
      .then((s) => current && setSuggestions(s))
      .catch(() => current && setSuggestions([]));
    return () => {
      current = false;
    };
  }, [api, text]);

  useEffect(() => {
    const id = ++request.current;
    setLoading(true);
    setError(null);
    api
      .search(filters)
      .then((page) => {
        if (id !== request.current) return;
        setItems(page.items ?? []);
        setFacets(page.facets ?? {});
        setTotal(page.total);
        setCursor(page.nextCursor);
      })
      .catch((e) => id === request.current && setError(describeError(e)))
      .finally(() => id === request.current && setLoading(false));
    // type tab counts ignore the type filter
    if (type) {
      api
        .search({ ...filters, type: undefined, size: '1' })
        .then((page) => id === request.current && setTypeCounts(page.facets?.type ?? {}))
        .catch(() => undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filterKey, session?.subject]);

  useEffect(() => {
    if (!type) setTypeCounts(facets.type ?? {});
  }, [type, facets]);

  function update(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: 'q' in changes });
  }

  function loadMore() {
    if (!cursor) return;
    const id = ++request.current;
    setLoading(true);
    api
      .search({ ...filters, cursor })
      .then((page) => {
        if (id !== request.current) return;
        setItems((old) => [...old, ...(page.items ?? [])]);
        setCursor(page.nextCursor);
      })
      .catch((e) => id === request.current && setError(describeError(e)))
      .finally(() => id === request.current && setLoading(false));
  }

  const allCount = Object.values(typeCounts).reduce((a, b) => a + b, 0);
  const activeFilters = FILTER_KEYS.filter((k) => params.get(k)).length;

  return (
    <div className="home">
      <section className="hero">
        <h1>Models for Xinference</h1>
        <p>Browse model definitions you can load into any Xinference server with one click on “Update”.</p>
        <div className="searchbox">
          <label htmlFor="search" className="sr-only">
            Search models
          </label>
          <input
            id="search"
            type="search"
            placeholder="Search models by name, description, ability…"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            list="search-suggestions"
          />
          <datalist id="search-suggestions" data-testid="suggestions">
            {suggestions
              .filter((s) => s.modelName !== text)
              .map((s) => (
                <option key={s.modelName} value={s.modelName}>
                  {s.modelType}
                </option>
              ))}
          </datalist>
        </div>
      </section>

      <div className="tabs" role="tablist" aria-label="Model type" onKeyDown={tabListKeys}>
        <TypeTab label="All" active={!type} count={allCount || undefined} onClick={() => update({ type: undefined })} />
        {MODEL_TYPES.map((t) => (
          <TypeTab key={t} label={t} active={type === t} count={typeCounts[t] ?? 0} onClick={() => update({ type: t })} />
        ))}
      </div>

      <button
        type="button"
        className="btn filters-toggle"
        aria-expanded={filtersOpen}
        aria-controls="filters"
        onClick={() => setFiltersOpen(!filtersOpen)}
      >
        Sort and filter{activeFilters > 0 ? ` (${activeFilters} on)` : ''}
      </button>
      <div className="browse">
        <aside id="filters" className={`filters ${filtersOpen ? 'open' : ''}`} aria-label="Filters">
          <div className="filter-group">
            <label htmlFor="sort" className="filter-title">
              Sort by
            </label>
            <select id="sort" value={sort} onChange={(e) => update({ sort: e.target.value === defaultSort ? undefined : e.target.value })}>
              {q && <option value="relevance">Best match</option>}
              <option value="featured">Featured first</option>
              <option value="updated">Recently updated</option>
              <option value="name">Name</option>
            </select>
          </div>
          {FACET_GROUPS.map(({ key, label, signedIn, label_of }) => {
            const values = Object.entries(facets[key] ?? {}).sort((a, b) => b[1] - a[1]);
            const selected = params.get(key);
            if (values.length === 0 && !selected) return null;
            if (signedIn && !session) return null;
            return (
              <fieldset className="filter-group" key={key}>
                <legend className="filter-title">{label}</legend>
                {values.map(([value, count]) => (
                  <label key={value} className="facet">
                    <input
                      type="checkbox"
                      checked={selected === value}
                      onChange={() => update({ [key]: selected === value ? undefined : value })}
                    />
                    <span title={value}>{label_of ? label_of(value) : value}</span>
                    <span className="count">{count}</span>
                  </label>
                ))}
                {selected && !values.some(([v]) => v === selected) && (
                  <label className="facet">
                    <input type="checkbox" checked onChange={() => update({ [key]: undefined })} />
                    <span>{selected}</span>
                    <span className="count">0</span>
                  </label>
                )}
              </fieldset>
            );
          })}
          {FILTER_KEYS.some((k) => params.get(k)) && (
            <button type="button" className="btn btn-small" onClick={() => update(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}>
              Clear filters
            </button>
          )}
        </aside>

        <section className="results" aria-live="polite" aria-busy={loading}>
          <div className="results-head">
            {total !== undefined && (
              <span className="muted" data-testid="total">
                {total} model{total === 1 ? '' : 's'}
              </span>
            )}
          </div>
          {error && (
            <div className="alert alert-error" role="alert">
              {error}
            </div>
          )}
          {!loading && !error && items.length === 0 && <p className="empty">No models match. Try another type or fewer filters.</p>}
          <ul className="grid">
            {items.map((m) => (
              <ModelCard key={m.modelId ?? m.modelName} model={m} showStatus={!!session && (m.visibility !== 'PUBLIC' || m.status !== 'APPROVED')} />
            ))}
          </ul>
          {loading && <p className="muted">Loading…</p>}
          {cursor && !loading && (
            <div className="more">
              <button type="button" className="btn" onClick={loadMore}>
                Load more
              </button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function TypeTab({ label, active, count, onClick }: { label: string; active: boolean; count?: number; onClick: () => void }) {
  return (
    <button type="button" role="tab" aria-selected={active} tabIndex={active ? 0 : -1} className={`tab ${active ? 'active' : ''}`} onClick={onClick}>
      {label}
      {count !== undefined && <span className="count">{count}</span>}
    </button>
  );
}
