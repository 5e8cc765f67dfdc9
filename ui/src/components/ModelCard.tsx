import { Link } from 'react-router';
import type { ModelSummary } from '../lib/types';
import { ModelStateBadges } from './Badges';
import { Highlighted } from './Highlighted';

export function ModelCard({ model, showStatus }: { model: ModelSummary; showStatus?: boolean }) {
  const chips = [...(model.abilities ?? []).slice(0, 4), ...(model.formats ?? []).slice(0, 3)];
  return (
    <li className="card model-card" data-model-name={model.modelName}>
      <div className="card-head">
        <span className={`type-dot type-${model.modelType}`} aria-hidden="true" />
        <Link className="model-name" to={`/models/detail/${encodeURIComponent(model.modelName)}`}>
          {model.highlights?.modelName?.[0] ? <Highlighted text={model.highlights.modelName[0]} /> : model.modelName}
        </Link>
        {model.featured && <span className="badge featured" title="Featured">★ Featured</span>}
      </div>
      <p className="model-desc">
        {model.highlights?.description?.[0] ? (
          <Highlighted text={model.highlights.description[0]} />
        ) : (
          model.description || <em className="muted">No description</em>
        )}
      </p>
      {model.highlights?.readme?.[0] && !model.highlights?.description && (
        <p className="model-snippet">
          <span className="muted">README: </span>…<Highlighted text={model.highlights.readme[0]} />…
        </p>
      )}
      <div className="chips">
        <span className="chip chip-type">{model.modelType}</span>
        {chips.map((c) => (
          <span className="chip" key={c}>
            {c}
          </span>
        ))}
        {(model.sizesInBillions?.length ?? 0) > 0 && (
          <span className="chip">{model.sizesInBillions!.map(String).join(' / ')} B</span>
        )}
      </div>
      <div className="card-foot">
        {showStatus && <ModelStateBadges visibility={model.visibility} status={model.status} />}
        {model.owner?.username && <span className="muted">by {model.owner.username}</span>}
        {model.updatedAt && <span className="muted">updated {formatDate(model.updatedAt)}</span>}
      </div>
    </li>
  );
}

export function formatDate(value?: string | null): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function formatDateTime(value?: string | null): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime())
    ? value
    : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
