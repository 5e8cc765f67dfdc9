// A stand-in for command-side + query-side, for developing and screenshotting the UI before the real apps run:
// `npm run build && HUB_KEYCLOAK_URL=http://127.0.0.1:18080 node dev/mock-hub.mjs [port]`. In-memory, follows the
// API shapes of docs/CONVENTIONS.md; tokens are decoded, not verified. Never used by the real build or tests.
import { createServer } from 'node:http';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const fixtures = join(here, '..', '..', 'devstack', 'src', 'main', 'resources', 'fixtures', 'xinference', 'v1.13.0');
const port = Number(process.argv[2] ?? 5180);
const keycloakUrl = process.env.HUB_KEYCLOAK_URL ?? 'http://127.0.0.1:18080';
const models = new Map();
const tokens = {};
const mail = {};
const audit = [];
const ACTION = { 'POST ': 'ModelRegistered', 'PUT /definition': 'ModelDefinitionUpdated', 'PUT /readme': 'ModelReadmeUpdated', 'PUT /expiration': 'ModelExpirationDateSet', 'POST /expiry': 'ModelExpired', 'DELETE ': 'ModelDeleted', 'POST /submission': 'ModelSubmittedForReview', 'DELETE /submission': 'ModelSubmissionWithdrawn', 'POST /approval': 'ModelApproved', 'POST /rejection': 'ModelRejected' };

const now = () => new Date().toISOString();
function facts(type, d) {
  const specs = Array.isArray(d.model_specs) ? d.model_specs : [];
  return {
    description: d.model_description ?? `${d.model_family ?? type} model`,
    abilities: d.model_ability ?? [],
    languages: d.model_lang ?? d.language ?? [],
    formats: [...new Set(specs.map((s) => s.model_format))],
    sizesInBillions: [...new Set(specs.map((s) => s.model_size_in_billions).filter((x) => x !== undefined))],
  };
}
function add(type, definition, { owner, visibility = 'PUBLIC', status = 'APPROVED', featured = false, readme } = {}) {
  const m = {
    modelId: randomUUID(), modelName: definition.model_name, modelType: type, visibility, status,
    owner: owner ?? { subject: 'system', username: 'xinference' }, definition, readme: readme ?? `# ${definition.model_name}\n\nImported from Xinference v1.13.0.\n\n- type: **${type}**\n\n\`\`\`bash\nxinference launch --model-name ${definition.model_name}\n\`\`\``,
    featured, expiresAt: null, createdAt: now(), updatedAt: now(), version: 0,
    compatibility: { minimumClientVersion: '1.13.0', newerClientFeatures: [] }, reviewRounds: [], pullRequests: [],
    ...facts(type, definition),
  };
  models.set(m.modelId, m);
  return m;
}
if (existsSync(fixtures)) {
  for (const f of readdirSync(fixtures)) add(f.replace('.json', ''), JSON.parse(readFileSync(join(fixtures, f), 'utf8')), { featured: f.startsWith('llm') || f.startsWith('embedding') });
}
for (let i = 1; i <= 30; i++) {
  add('llm', { version: 2, model_name: `demo-llm-${i}`, model_lang: i % 2 ? ['en'] : ['en', 'zh'], model_ability: i % 3 ? ['chat'] : ['chat', 'tools'], model_description: `Demo chat model number ${i}.`, model_specs: [{ model_format: i % 4 ? 'pytorch' : 'ggufv2', model_size_in_billions: i % 5 + 1, model_src: { huggingface: { model_id: `demo/llm-${i}`, quantizations: ['none'] } } }] });
}

function claims(req) {
  const auth = req.headers.authorization;
  if (!auth?.startsWith('Bearer ')) return null;
  try { return JSON.parse(Buffer.from(auth.slice(7).split('.')[1], 'base64url').toString()); } catch { return null; }
}
const rolesOf = (c) => new Set(c?.realm_access?.roles ?? []);
const actor = (c) => ({ subject: c.sub, username: c.preferred_username });
function visible(m, c) {
  if (m.status === 'DELETED') return false;
  if (c && m.owner.subject === c.sub) return true;
  const r = rolesOf(c);
  if (m.visibility === 'PRIVATE') return r.has('manage-any-public-model');
  if (m.visibility === 'ENTERPRISE') return r.has('view-advanced-model');
  return m.status === 'APPROVED' || m.status === 'EXPIRED' || r.has('review-list');
}
const summary = ({ definition, readme, reviewRounds, pullRequests, ...s }) => s;

function search(list, q) {
  let items = list;
  const text = (q.get('q') ?? '').toLowerCase();
  if (text) items = items.filter((m) => m.modelName.toLowerCase().includes(text) || m.description.toLowerCase().includes(text));
  const filterBy = (key, field) => { const v = q.get(key); if (v) items = items.filter((m) => (Array.isArray(m[field]) ? m[field].includes(v) : m[field] === v)); };
  const beforeType = items;
  filterBy('ability', 'abilities'); filterBy('language', 'languages'); filterBy('format', 'formats'); filterBy('status', 'status'); filterBy('visibility', 'visibility');
  const typed = q.get('type') ? items.filter((m) => m.modelType === q.get('type')) : items;
  const count = (arr, field) => { const out = {}; for (const m of arr) for (const v of [].concat(m[field])) out[v] = (out[v] ?? 0) + 1; return out; };
  void beforeType;
  const sort = q.get('sort') ?? 'featured';
  const sorted = [...typed].sort((a, b) => sort === 'name' ? a.modelName.localeCompare(b.modelName) : sort === 'updated' ? b.updatedAt.localeCompare(a.updatedAt) : (b.featured - a.featured) || a.modelName.localeCompare(b.modelName));
  const size = Number(q.get('size') ?? 20);
  const start = Number(q.get('cursor') ?? 0);
  return {
    items: sorted.slice(start, start + size).map(summary), total: sorted.length,
    facets: { type: count(items, 'modelType'), ability: count(typed, 'abilities'), language: count(typed, 'languages'), format: count(typed, 'formats'), status: count(typed, 'status'), visibility: count(typed, 'visibility') },
    nextCursor: start + size < sorted.length ? String(start + size) : null,
  };
}

function validate(type, d) {
  const errors = [];
  if (!d || typeof d !== 'object') return [{ pointer: '', message: 'must be an object' }];
  if (d.version !== 2) errors.push({ pointer: '/version', message: 'must be 2' });
  if (typeof d.model_name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(d.model_name)) errors.push({ pointer: '/model_name', message: 'must match ^[A-Za-z0-9._-]+$' });
  if (['llm', 'embedding', 'rerank'].includes(type)) {
    if (!Array.isArray(d.model_specs)) errors.push({ pointer: '/model_specs', message: 'is required' });
    else d.model_specs.forEach((s, i) => { if (!['pytorch', 'gptq', 'awq', 'fp8', 'bnb', 'mlx', 'ggufv2'].includes(s.model_format)) errors.push({ pointer: `/model_specs/${i}/model_format`, message: 'must be one of pytorch, gptq, awq, fp8, bnb, mlx, ggufv2' }); });
  }
  if (type === 'llm' && !Array.isArray(d.model_lang)) errors.push({ pointer: '/model_lang', message: 'is required' });
  if (['image', 'audio', 'video'].includes(type) && !d.model_family) errors.push({ pointer: '/model_family', message: 'is required' });
  return errors;
}

const problem = (res, status, detail, extra = {}) => send(res, status, { type: 'about:blank', title: status === 412 ? 'Precondition Failed' : 'Error', status, detail, ...extra }, 'application/problem+json');
function send(res, status, body, type = 'application/json', headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Location', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
const changed = (res, m, status = 200, action = 'POST ', who = null) => { m.version++; m.updatedAt = now(); audit.unshift({ entryId: `${m.modelId}:${m.version}`, eventId: randomUUID(), modelId: m.modelId, modelName: m.modelName, modelType: m.modelType, visibility: m.visibility, action: ACTION[action], sequence: m.version, timestamp: now(), actor: who ?? m.owner, summary: `${ACTION[action]} (${m.status})` }); send(res, status, { modelId: m.modelId, modelName: m.modelName, status: m.status, version: m.version }, 'application/json', { ETag: `"${m.version}"` }); };
const readBody = (req) => new Promise((ok) => { let s = ''; req.on('data', (c) => (s += c)); req.on('end', () => { try { ok(s ? JSON.parse(s) : {}); } catch { ok({}); } }); });
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;
  const c = claims(req);
  if (req.method === 'OPTIONS') return send(res, 204, undefined, 'text/plain', { 'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match, Idempotency-Key' });
  if (path === '/ui-config.json') return send(res, 200, { commandApiUrl: `http://${req.headers.host}`, queryApiUrl: `http://${req.headers.host}`, keycloakUrl, realm: 'models-hub', clientId: 'models-hub-ui' });
  const all = [...models.values()];
  if (path === '/api/catalogue/models') return send(res, 200, search(all.filter((m) => visible(m, c)), url.searchParams));
  if (path === '/api/catalogue/my-models') return c ? send(res, 200, search(all.filter((m) => m.owner.subject === c.sub && m.status !== 'DELETED'), url.searchParams)) : problem(res, 401, 'sign in');
  let match = path.match(/^\/api\/catalogue\/models\/by-name\/(.+)$/);
  if (match) { const m = all.find((x) => x.modelName === decodeURIComponent(match[1]) && visible(x, c)); return m ? send(res, 200, m) : problem(res, 404, 'no such model'); }
  if (path === '/api/registry/readme/template' && req.method === 'POST') { const b = await readBody(req); return send(res, 200, { readme: `# ${b.definition?.model_name}\n\nA ${b.modelType} model for Xinference.` }); }
  if (path === '/api/registry/readme') return send(res, 200, { hub: url.searchParams.get('hub'), modelId: url.searchParams.get('modelId'), revision: url.searchParams.get('revision'), source: `https://huggingface.co/${url.searchParams.get('modelId')}`, readme: `# ${url.searchParams.get('modelId')}\n\nThe model card, fetched by the hub.`, truncated: false });
  if (path === '/api/users/me' && req.method === 'GET') return c ? send(res, 200, { subject: c.sub, username: c.preferred_username, name: c.name, email: c.email, emailVerified: true, permissions: [...rolesOf(c)], githubTokenSet: !!tokens[c.sub], githubTokenUpdatedAt: tokens[c.sub] ?? null, githubTokenStorageAvailable: true, accountConsoleUrl: null }) : problem(res, 401, 'sign in');
  if (path === '/api/users/me/notifications' && c) { if (req.method === 'PUT') mail[c.sub] = await readBody(req); return send(res, 200, mail[c.sub] ?? { reviewDecisions: true, newSubmissions: false, expiryReminders: true, webhookAlerts: true }); }
  if (path === '/api/users/me/github-token' && c) { if (req.method === 'PUT') tokens[c.sub] = now(); else delete tokens[c.sub]; res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }); return res.end(); }
  if (path === '/api/audit-trail') { if (!rolesOf(c).has('audit-read')) return problem(res, 403, 'audit-read needed'); let list = audit; for (const k of ['modelId', 'action']) if (url.searchParams.get(k)) list = list.filter((e) => e[k] === url.searchParams.get(k)); if (url.searchParams.get('actor')) list = list.filter((e) => e.actor?.username === url.searchParams.get('actor') || e.actor?.subject === url.searchParams.get('actor')); return send(res, 200, { items: list.slice(0, 50), total: list.length, nextCursor: null }); }
  if (path === '/api/admin/projections') return rolesOf(c).has('hub-admin') ? send(res, 200, ['catalogue', 'review-queue', 'audit-trail', 'xinference-download'].map((group, i) => ({ group, running: true, error: false, parkedSequences: i === 1 ? 1 : 0, parked: i === 1 ? [{ eventId: randomUUID(), payloadType: 'ModelApproved', aggregateId: 'demo', sequence: 3, cause: 'java.io.IOException: index unavailable', enqueuedAt: now() }] : [] }))) : problem(res, 403, 'admin only');
  if (path === '/api/models/download') return send(res, 200, all.filter((m) => m.modelType === url.searchParams.get('model_type') && m.visibility === 'PUBLIC' && m.status === 'APPROVED').map((m) => ({ ...m.definition, updated_at: Math.floor(Date.parse(m.updatedAt) / 1000) })));
  if (path === '/api/review-queue') return rolesOf(c).has('review-list') ? send(res, 200, { items: all.filter((m) => m.status === 'PENDING_REVIEW').map((m) => ({ ...summary(m), definition: m.definition, readme: m.readme, round: m.reviewRounds.length, submittedAt: m.reviewRounds.at(-1)?.submittedAt, submitter: m.owner, firstSubmission: !m.lastApproved, lastApprovedDefinition: m.lastApproved?.definition ?? null, lastApprovedReadme: m.lastApproved?.readme ?? null, readmeChanged: !!m.lastApproved && m.lastApproved.readme !== m.readme, changedPaths: m.lastApproved ? Object.keys({ ...m.definition, ...m.lastApproved.definition }).filter((k) => JSON.stringify(m.definition[k]) !== JSON.stringify(m.lastApproved.definition[k])).map((k) => `/${k}`) : [] })) }) : problem(res, 403, 'review-list needed');
  if (path === '/api/registry/validation' && req.method === 'POST') { const b = await readBody(req); const errors = validate(b.modelType, b.definition).map((e) => ({ ...e, pointer: `/definition${e.pointer}` })); return send(res, 200, { valid: errors.length === 0, errors, compatibility: { minimumClientVersion: '1.13.0', newerClientFeatures: [] } }); }
  if (path === '/api/registry/models' && req.method === 'POST') {
    if (!c) return problem(res, 401, 'sign in');
    const b = await readBody(req);
    const errors = validate(b.modelType, b.definition).map((e) => ({ ...e, pointer: `/definition${e.pointer}` }));
    if (errors.length) return problem(res, 400, 'invalid definition', { errors });
    if (all.some((m) => m.modelName === b.definition.model_name && m.status !== 'DELETED')) return problem(res, 409, `a model named ${b.definition.model_name} exists`);
    const status = b.visibility === 'PRIVATE' || rolesOf(c).has('register-public-model') ? 'APPROVED' : 'PENDING_REVIEW';
    const m = add(b.modelType, b.definition, { owner: actor(c), visibility: b.visibility, status, readme: b.readme });
    m.version = -1;
    m.expiresAt = b.expiresAt ?? null;
    if (status === 'PENDING_REVIEW') m.reviewRounds.push({ round: 1, submittedAt: now(), submitter: actor(c), decision: null, reviewer: null, feedback: null, decidedAt: null });
    return changed(res, m, 201, 'POST ', actor(c));
  }
  match = path.match(/^\/api\/registry\/models\/([^/]+)(\/[a-z]+)?$/);
  if (match) {
    const m = models.get(match[1]);
    if (!m || m.status === 'DELETED') return problem(res, 404, 'no such model');
    if (!c) return problem(res, 401, 'sign in');
    const ifMatch = req.headers['if-match'];
    if (ifMatch && ifMatch !== `"${m.version}"`) return problem(res, 412, `the model changed: it is at version ${m.version}`, { currentVersion: m.version });
    const b = await readBody(req);
    const action = `${req.method} ${match[2] ?? ''}`;
    switch (action) {
      case 'PUT /definition': { const errors = validate(m.modelType, b.definition); if (errors.length) return problem(res, 400, 'invalid definition', { errors }); m.definition = b.definition; Object.assign(m, facts(m.modelType, b.definition)); return changed(res, m, 200, action, actor(c)); }
      case 'PUT /readme': m.readme = b.readme; return changed(res, m, 200, action, actor(c));
      case 'PUT /expiration': m.expiresAt = b.expiresAt; return changed(res, m, 200, action, actor(c));
      case 'POST /expiry': m.status = 'EXPIRED'; return changed(res, m, 200, action, actor(c));
      case 'DELETE ': m.status = 'DELETED'; return changed(res, m, 200, action, actor(c));
      case 'POST /submission': m.status = 'PENDING_REVIEW'; m.reviewRounds.push({ round: m.reviewRounds.length + 1, submittedAt: now(), submitter: actor(c), decision: null }); return changed(res, m, 200, action, actor(c));
      case 'DELETE /submission': m.status = 'DRAFT'; Object.assign(m.reviewRounds.at(-1), { decision: 'WITHDRAWN', decidedAt: now() }); return changed(res, m, 200, action, actor(c));
      case 'POST /approval': m.status = 'APPROVED'; m.lastApproved = { definition: m.definition, readme: m.readme }; Object.assign(m.reviewRounds.at(-1), { decision: 'APPROVED', reviewer: actor(c), decidedAt: now() }); return changed(res, m, 200, action, actor(c));
      case 'POST /rejection': if (!b.feedback) return problem(res, 400, 'feedback is required', { errors: [{ pointer: '/feedback', message: 'is required' }] }); m.status = 'REJECTED'; Object.assign(m.reviewRounds.at(-1), { decision: 'REJECTED', reviewer: actor(c), feedback: b.feedback, decidedAt: now() }); return changed(res, m, 200, action, actor(c));
    }
    return problem(res, 405, 'unsupported');
  }
  // static files, SPA fallback
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || path === '/') file = join(dist, 'index.html');
  try { const body = readFileSync(file); res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }); res.end(body); }
  catch { res.writeHead(404); res.end(); }
}).listen(port, '127.0.0.1', () => console.log(`mock hub on http://127.0.0.1:${port} (Keycloak ${keycloakUrl})`));
