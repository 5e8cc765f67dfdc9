import type { UiConfig } from './config';
import type { ChangeResult, ModelDetail, SearchPage, Suggestion, ValidationResult } from './types';

/** An RFC 9457 problem detail, as every 4xx of the hub's APIs answers. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { pointer?: string; message: string }[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** 412: someone else changed the model since it was loaded. */
  get isConflict(): boolean {
    return this.status === 412 || this.status === 409;
  }
}

/** A human explanation of an API failure, for messages next to the action that failed. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) {
      const current = error.problem['currentVersion'] ?? error.problem['version'];
      return (
        'Someone changed this model after you opened it' +
        (current !== undefined ? ` (it is now at version ${String(current)})` : '') +
        '. Your change was not applied: reload to see the latest version, then make your change again.'
      );
    }
    if (error.status === 401) return 'Your session has expired: please log in again.';
    if (error.status === 403) return error.problem.detail || 'You are not allowed to do this.';
    if (error.status === 404) return error.problem.detail || 'Not found.';
    return error.message;
  }
  if (error instanceof TypeError) return `The hub could not be reached (${error.message}).`;
  return error instanceof Error ? error.message : String(error);
}

type TokenSource = () => string | undefined;

export interface Versioned<T> {
  body: T;
  etag?: string;
}

export class HubApi {
  private readonly config: UiConfig;
  private readonly token: TokenSource;

  constructor(config: UiConfig, token: TokenSource) {
    this.config = config;
    this.token = token;
  }

  private async request<T>(
    base: string,
    method: string,
    path: string,
    options: { body?: unknown; ifMatch?: number | string; headers?: Record<string, string> } = {},
  ): Promise<Versioned<T>> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    const response = await fetch(base + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    if (!response.ok) {
      const problem: Problem =
        parsed && typeof parsed === 'object'
          ? (parsed as Problem)
          : { status: response.status, title: response.statusText, detail: typeof parsed === 'string' ? parsed : undefined };
      throw new ApiError(response.status, problem);
    }
    return { body: parsed as T, etag: response.headers.get('ETag') ?? undefined };
  }

  private query<T>(path: string): Promise<T> {
    return this.request<T>(this.config.queryApiUrl, 'GET', path).then((r) => r.body);
  }

  private command<T>(method: string, path: string, body?: unknown, ifMatch?: number): Promise<T> {
    return this.request<T>(this.config.commandApiUrl, method, path, { body, ifMatch }).then((r) => r.body);
  }

  // query-side
  search(params: Record<string, string | undefined>): Promise<SearchPage> {
    return this.query<SearchPage>(`/api/catalogue/models${toQuery(params)}`);
  }

  suggestions(q: string): Promise<Suggestion[]> {
    return this.query<Suggestion[]>(`/api/catalogue/suggestions${toQuery({ q, size: '8' })}`);
  }

  modelByName(name: string, minVersion?: number): Promise<ModelDetail> {
    // version 0 is the registration itself: still a version to wait for
    const q = minVersion !== undefined ? `?minVersion=${minVersion}` : '';
    return this.query<ModelDetail>(`/api/catalogue/models/by-name/${encodeURIComponent(name)}${q}`);
  }

  myModels(params: Record<string, string | undefined> = {}): Promise<SearchPage> {
    return this.query<SearchPage>(`/api/catalogue/my-models${toQuery(params)}`);
  }

  async reviewQueue(): Promise<ReviewQueueItem[]> {
    const body = await this.query<unknown>('/api/review-queue');
    if (Array.isArray(body)) return body as ReviewQueueItem[];
    const items = (body as { items?: ReviewQueueItem[] })?.items;
    return items ?? [];
  }

  auditTrail(params: Record<string, string | undefined>): Promise<AuditPage> {
    return this.query<AuditPage>(`/api/audit-trail${toQuery(params)}`);
  }

  /** Model names in the audit trail containing q (any case), with their ids (deleted models included). */
  auditModelNames(q: string): Promise<{ modelName: string; modelIds: string[] }[]> {
    return this.query<{ modelName: string; modelIds: string[] }[]>(`/api/audit-trail/model-names${toQuery({ q })}`);
  }

  projections(): Promise<ProjectionStatus[]> {
    return this.query<ProjectionStatus[]>('/api/admin/projections');
  }

  retryDeadLetters(group: string) {
    return this.request<{ group: string; sequencesApplied: number; stillParked: number }>(
      this.config.queryApiUrl,
      'POST',
      `/api/admin/projections/${encodeURIComponent(group)}/dead-letters/retry`,
    ).then((r) => r.body);
  }

  /** Discards one model's parked events of a projection (they will never be applied). */
  discardDeadLetters(group: string, modelId: string) {
    return this.request<{ group: string; modelId: string; discarded: number }>(
      this.config.queryApiUrl,
      'DELETE',
      `/api/admin/projections/${encodeURIComponent(group)}/dead-letters/${encodeURIComponent(modelId)}`,
    ).then((r) => r.body);
  }

  startRebuild(projection: string) {
    return this.request<RebuildStatus>(this.config.queryApiUrl, 'POST', `/api/admin/rebuilds/${encodeURIComponent(projection)}`).then((r) => r.body);
  }

  rebuilds() {
    return this.query<RebuildStatus[]>('/api/admin/rebuilds');
  }

  rebuild(id: string) {
    return this.query<RebuildStatus>(`/api/admin/rebuilds/${encodeURIComponent(id)}`);
  }

  cancelRebuild(id: string) {
    return this.request<RebuildStatus>(this.config.queryApiUrl, 'DELETE', `/api/admin/rebuilds/${encodeURIComponent(id)}`).then((r) => r.body);
  }

  modelHistory(modelId: string) {
    return this.query<ModelHistoryBody>(`/api/audit-trail/models/${encodeURIComponent(modelId)}/history`);
  }

  /** The model as it was just after a version, or at an instant (exactly one of them). */
  modelState(modelId: string, at: { version?: number; at?: string }) {
    const q = toQuery({ version: at.version === undefined ? undefined : String(at.version), at: at.at });
    return this.query<ModelStateBody>(`/api/audit-trail/models/${encodeURIComponent(modelId)}/state${q}`);
  }

  modelDiff(modelId: string, from: number, to: number) {
    return this.query<ModelDiffBody>(`/api/audit-trail/models/${encodeURIComponent(modelId)}/diff${toQuery({ from: String(from), to: String(to) })}`);
  }

  verifyModel(modelId: string) {
    return this.query<IntegrityReport>(`/api/audit-trail/models/${encodeURIComponent(modelId)}/integrity`);
  }

  verifyStore() {
    return this.query<IntegrityReport>('/api/audit-trail/integrity');
  }

  /** The server-side export (streamed, oldest first) as text: NDJSON or CSV. */
  async exportAudit(params: { from: string; to: string; actor?: string; modelId?: string; format: 'ndjson' | 'csv' }): Promise<string> {
    const headers: Record<string, string> = { Accept: params.format === 'csv' ? 'text/csv, application/problem+json' : 'application/x-ndjson, application/problem+json' };
    const token = this.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    const response = await fetch(`${this.config.queryApiUrl}/api/audit-trail/export${toQuery(params)}`, { headers });
    const text = await response.text();
    if (!response.ok) {
      let problem: Problem = { status: response.status, title: response.statusText };
      try {
        problem = JSON.parse(text) as Problem;
      } catch {
        // not a problem body
      }
      throw new ApiError(response.status, problem);
    }
    return text;
  }

  webhooks() {
    return this.request<Webhook[]>(this.config.commandApiUrl, 'GET', '/api/webhooks').then((r) => r.body);
  }

  createWebhook(body: { url: string; eventKinds: string[] }) {
    return this.request<Webhook>(this.config.commandApiUrl, 'POST', '/api/webhooks', { body }).then((r) => r.body);
  }

  /** Pause (active=false) or resume (active=true); URL and kinds are sent as they are. */
  updateWebhook(hook: Webhook, active: boolean) {
    return this.request<Webhook>(this.config.commandApiUrl, 'PUT', `/api/webhooks/${encodeURIComponent(hook.id)}`, {
      body: { url: hook.url, eventKinds: hook.eventKinds, active },
    }).then((r) => r.body);
  }

  deleteWebhook(id: string) {
    return this.request<void>(this.config.commandApiUrl, 'DELETE', `/api/webhooks/${encodeURIComponent(id)}`).then(() => undefined);
  }

  webhookDeliveries(id: string) {
    return this.request<WebhookDelivery[]>(this.config.commandApiUrl, 'GET', `/api/webhooks/${encodeURIComponent(id)}/deliveries`).then((r) => r.body);
  }

  redeliver(id: string, deliveryId: string) {
    return this.request<WebhookDelivery>(
      this.config.commandApiUrl,
      'POST',
      `/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redelivery`,
    ).then((r) => r.body);
  }

  // command-side
  register(body: {
    modelType: string;
    visibility: string;
    definition: unknown;
    readme: string;
    expiresAt?: string | null;
  }): Promise<ChangeResult> {
    return this.request<ChangeResult>(this.config.commandApiUrl, 'POST', '/api/registry/models', {
      body,
      headers: { 'Idempotency-Key': newIdempotencyKey() },
    }).then((r) => r.body);
  }

  validate(modelType: string, definition: unknown): Promise<ValidationResult> {
    return this.command<ValidationResult>('POST', '/api/registry/validation', { modelType, definition });
  }

  updateDefinition(id: string, definition: unknown, version: number) {
    return this.command<ChangeResult>('PUT', `/api/registry/models/${id}/definition`, { definition }, version);
  }

  updateReadme(id: string, readme: string, version: number) {
    return this.command<ChangeResult>('PUT', `/api/registry/models/${id}/readme`, { readme }, version);
  }

  submit(id: string, version: number) {
    return this.command<ChangeResult>('POST', `/api/registry/models/${id}/submission`, undefined, version);
  }

  withdraw(id: string, version: number) {
    return this.command<ChangeResult>('DELETE', `/api/registry/models/${id}/submission`, undefined, version);
  }

  approve(id: string, version?: number) {
    return this.command<ChangeResult>('POST', `/api/registry/models/${id}/approval`, undefined, version);
  }

  reject(id: string, feedback: string, version?: number) {
    return this.command<ChangeResult>('POST', `/api/registry/models/${id}/rejection`, { feedback }, version);
  }

  setExpiration(id: string, expiresAt: string | null, version: number) {
    return this.command<ChangeResult>('PUT', `/api/registry/models/${id}/expiration`, { expiresAt }, version);
  }

  expireNow(id: string, version: number) {
    return this.command<ChangeResult>('POST', `/api/registry/models/${id}/expiry`, undefined, version);
  }

  /** "Get README": the model card from the definition's source hub, fetched by the command-side. */
  fetchReadme(hub: string, modelId: string, revision?: string) {
    return this.request<ModelCard>(this.config.commandApiUrl, 'GET', `/api/registry/readme${toQuery({ hub, modelId, revision })}`).then((r) => r.body);
  }

  /** A README written from the definition, when the source hub has no card or cannot be reached. */
  readmeTemplate(modelType: string, definition: unknown) {
    return this.request<{ readme: string }>(this.config.commandApiUrl, 'POST', '/api/registry/readme/template', {
      body: { modelType, definition },
    }).then((r) => r.body.readme);
  }

  mailPreferences() {
    return this.request<MailPreferences>(this.config.commandApiUrl, 'GET', '/api/users/me/notifications').then((r) => r.body);
  }

  saveMailPreferences(preferences: MailPreferences) {
    return this.request<MailPreferences>(this.config.commandApiUrl, 'PUT', '/api/users/me/notifications', { body: preferences }).then(
      (r) => r.body,
    );
  }

  profile() {
    return this.request<Profile>(this.config.commandApiUrl, 'GET', '/api/users/me').then((r) => r.body);
  }

  setGithubToken(token: string) {
    return this.request<void>(this.config.commandApiUrl, 'PUT', '/api/users/me/github-token', { body: { token } }).then(() => undefined);
  }

  clearGithubToken() {
    return this.request<void>(this.config.commandApiUrl, 'DELETE', '/api/users/me/github-token').then(() => undefined);
  }

  remove(id: string, version: number) {
    return this.command<ChangeResult>('DELETE', `/api/registry/models/${id}`, undefined, version);
  }
}

export interface AuditEntry {
  entryId: string;
  eventId?: string;
  modelId: string;
  modelName?: string;
  modelType?: string;
  visibility?: string;
  action: string;
  sequence: number;
  timestamp: string;
  actor?: { subject?: string; username?: string };
  correlationId?: string;
  requestId?: string;
  summary?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  total?: number;
  nextCursor?: string | null;
}

export interface ProjectionStatus {
  group: string;
  running: boolean;
  error: boolean;
  parkedSequences: number;
  parked: { eventId: string; payloadType: string; aggregateId?: string; sequence?: number; cause?: string; enqueuedAt?: string }[];
}

export interface RebuildStatus {
  id: string;
  projection: string;
  phase: 'BUILDING' | 'SWAPPING' | 'DONE' | 'CANCELLED' | 'FAILED' | string;
  newIndex?: string;
  previousIndices?: string[];
  eventsDone: number;
  eventsTotal: number;
  eventsPerSecond: number;
  etaSeconds?: number | null;
  skippedEvents?: number;
  startedAt?: string;
  finishedAt?: string | null;
  error?: string | null;
}

export interface HistoryEvent {
  sequence: number;
  eventId: string;
  type: string;
  timestamp: string;
  actor?: { subject?: string; username?: string } | null;
  summary?: string;
  payload?: unknown;
  metadata?: Record<string, unknown>;
}

export interface ModelHistoryBody {
  modelId: string;
  version: number;
  events: HistoryEvent[];
}

export interface ModelStateBody {
  modelId: string;
  version: number;
  model: import('./types').ModelDetail & Record<string, unknown>;
}

export interface ModelDiffBody {
  modelId: string;
  fromVersion: number;
  toVersion: number;
  definition: { pointer: string; operation: 'ADDED' | 'REMOVED' | 'CHANGED'; before?: unknown; after?: unknown }[];
  readme: { operation: 'KEPT' | 'ADDED' | 'REMOVED'; text: string }[];
}

export interface IntegrityReport {
  scope?: string;
  intact: boolean;
  eventsChecked: number;
  firstBroken?: { problem: string; globalIndex: number; eventId: string; modelId: string; sequence: number; detail?: string } | null;
  unanchored: number;
  firstUnanchoredGlobalIndex?: number | null;
  chainHead?: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  eventKinds: string[];
  scope?: string;
  active: boolean;
  pausedReason?: string | null;
  consecutiveFailures?: number;
  createdAt?: string;
  updatedAt?: string;
  /** only in the answer to its creation */
  secret?: string;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId?: string;
  eventKind: string;
  modelId?: string;
  redeliveryOf?: string | null;
  status: 'PENDING' | 'DELIVERED' | 'FAILED' | string;
  attempts: number;
  nextAttemptAt?: string | null;
  lastStatus?: number | null;
  lastError?: string | null;
  lastLatencyMs?: number | null;
  createdAt?: string;
  deliveredAt?: string | null;
}

export interface ModelCard {
  hub: string;
  modelId: string;
  revision?: string;
  source?: string;
  readme: string;
  truncated?: boolean;
}

export interface MailPreferences {
  reviewDecisions: boolean;
  newSubmissions: boolean;
  expiryReminders: boolean;
  webhookAlerts: boolean;
}

export interface Profile {
  subject: string;
  username: string;
  name?: string;
  email?: string;
  emailVerified?: boolean;
  permissions: string[];
  githubTokenSet: boolean;
  githubTokenUpdatedAt?: string | null;
  githubTokenStorageAvailable: boolean;
  accountConsoleUrl?: string | null;
}

export interface ReviewQueueItem {
  modelId: string;
  modelName: string;
  modelType?: string;
  visibility?: string;
  status?: string;
  round?: number;
  submittedAt?: string;
  submitter?: { subject?: string; username?: string } | string;
  owner?: { subject?: string; username?: string };
  version?: number;
  description?: string;
  definition?: unknown;
  readme?: string | null;
  lastApprovedDefinition?: unknown;
  lastApprovedReadme?: string | null;
  firstSubmission?: boolean;
  changedPaths?: string[];
  readmeChanged?: boolean;
  [key: string]: unknown;
}

export function toQuery(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
