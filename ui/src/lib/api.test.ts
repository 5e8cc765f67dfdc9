import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, describeError, HubApi, toQuery } from './api';

const config = { commandApiUrl: 'http://cmd', queryApiUrl: 'http://qry', keycloakUrl: 'http://kc', realm: 'models-hub', clientId: 'models-hub-ui' };

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('HubApi', () => {
  it('queries the query-side with the bearer token and drops empty parameters', async () => {
    const fetch = stubFetch(200, { items: [], total: 0, facets: {}, nextCursor: null });
    await new HubApi(config, () => 'tok').search({ q: 'qwen', type: 'llm', ability: undefined, format: '' });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://qry/api/catalogue/models?q=qwen&type=llm');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('sends no Authorization header when anonymous', async () => {
    const fetch = stubFetch(200, { modelName: 'x' });
    await new HubApi(config, () => undefined).modelByName('a b', 7);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://qry/api/catalogue/models/by-name/a%20b?minVersion=7');
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
  });

  it('sends If-Match with the quoted version on changes', async () => {
    const fetch = stubFetch(200, { modelId: 'id', modelName: 'x', status: 'APPROVED', version: 4 });
    await new HubApi(config, () => 'tok').updateReadme('id', '# hi', 3);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://cmd/api/registry/models/id/readme');
    expect(init.method).toBe('PUT');
    expect((init.headers as Record<string, string>)['If-Match']).toBe('"3"');
    expect(JSON.parse(init.body as string)).toEqual({ readme: '# hi' });
  });

  it('sends an Idempotency-Key on registration', async () => {
    const fetch = stubFetch(201, { modelId: 'id', modelName: 'x', status: 'APPROVED', version: 0 });
    await new HubApi(config, () => 'tok').register({ modelType: 'llm', visibility: 'PRIVATE', definition: {}, readme: '' });
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/.{8,}/);
  });

  it('turns problem details into ApiError', async () => {
    stubFetch(400, { title: 'Bad Request', detail: 'invalid definition', errors: [{ pointer: '/definition/version', message: 'must be 2' }] }, {
      'Content-Type': 'application/problem+json',
    });
    const error = await new HubApi(config, () => 'tok').validate('llm', {}).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.problem.errors[0].pointer).toBe('/definition/version');
    expect(describeError(error)).toBe('invalid definition');
  });

  it('accepts a bare array or {items} from the review queue', async () => {
    stubFetch(200, [{ modelId: 'a', modelName: 'a' }]);
    expect(await new HubApi(config, () => 't').reviewQueue()).toHaveLength(1);
    stubFetch(200, { items: [{ modelId: 'b', modelName: 'b' }] });
    expect((await new HubApi(config, () => 't').reviewQueue())[0].modelId).toBe('b');
  });
});

describe('describeError', () => {
  it('explains a stale If-Match', () => {
    const message = describeError(new ApiError(412, { title: 'Precondition Failed', currentVersion: 9 }));
    expect(message).toMatch(/changed this model after you opened it/);
    expect(message).toMatch(/version 9/);
    expect(message).toMatch(/reload/i);
  });

  it('explains unreachable services and expired sessions', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
    expect(describeError(new ApiError(401, {}))).toMatch(/log in again/);
  });

  it('builds query strings', () => {
    expect(toQuery({})).toBe('');
    expect(toQuery({ a: '1', b: undefined, c: 'x y' })).toBe('?a=1&c=x+y');
  });
});
