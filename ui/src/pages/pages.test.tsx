// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import { StaticHubProvider, type Hub, type Session } from '../lib/auth';
import { Permission, type PermissionRole } from '../lib/permissions';
import type { HubApi } from '../lib/api';
import { Home } from './Home';
import { ModelDetailPage } from './ModelDetail';
import { Register } from './Register';
import { UserCenter } from './UserCenter';

afterEach(cleanup);

function hubWith(api: Partial<HubApi>, session: Session | null = null): Hub {
  return {
    config: { commandApiUrl: '', queryApiUrl: '', keycloakUrl: 'http://kc', realm: 'models-hub', clientId: 'models-hub-ui' },
    api: api as HubApi,
    session,
    login: vi.fn(async () => undefined),
    signUp: vi.fn(async () => undefined),
    logout: vi.fn(async () => undefined),
    can: (p: PermissionRole) => !!session?.permissions.has(p),
    accountUrl: 'http://kc/realms/models-hub/account',
  };
}

const session = (name: string, ...perms: PermissionRole[]): Session => ({
  accessToken: 't',
  claims: {},
  subject: `sub-${name}`,
  username: name,
  displayName: name,
  permissions: new Set(perms),
});

function renderAt(path: string, hub: Hub) {
  return render(
    <StaticHubProvider hub={hub}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="/" element={<Home />} />
          <Route path="/register" element={<Register />} />
          <Route path="/me" element={<UserCenter />} />
          <Route path="/models/detail/:name" element={<ModelDetailPage />} />
        </Routes>
      </MemoryRouter>
    </StaticHubProvider>,
  );
}

describe('Home', () => {
  it('lists models with facet counts and searches as you type', async () => {
    const search = vi.fn(async (params: Record<string, string | undefined>) => ({
      items: [
        {
          modelId: '1',
          modelName: params.q ? 'bge-m3' : 'QwQ-32B',
          modelType: 'llm' as const,
          featured: !params.q,
          abilities: ['chat'],
          highlights: params.q ? { modelName: ['\uE000bge\uE001-m3'] } : undefined,
        },
      ],
      total: 1,
      facets: { type: { llm: 3, embedding: 2 }, ability: { chat: 3, reasoning: 1 } },
      nextCursor: null,
    }));
    const suggestions = vi.fn(async () => [{ modelName: 'bge-reranker-v2-m3', modelType: 'rerank' as const, highlighted: 'bge-reranker-v2-m3' }]);
    const { container } = renderAt('/', hubWith({ search, suggestions }));
    expect(await screen.findByText('QwQ-32B')).toBeTruthy();
    expect(screen.getByText('★ Featured')).toBeTruthy();
    expect(await screen.findByRole('tab', { name: /llm\s*3/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /reasoning/ })).toBeTruthy();
    expect(search.mock.calls[0][0]).toMatchObject({ sort: 'featured' });

    fireEvent.change(screen.getByLabelText('Search models'), { target: { value: 'bge' } });
    // the match is marked as text (<mark>), the order is relevance once words are typed
    expect(await screen.findByText('bge', { selector: 'mark' }, { timeout: 2000 })).toBeTruthy();
    expect(search.mock.calls.at(-1)![0]).toMatchObject({ q: 'bge', sort: 'relevance' });
    expect(suggestions).toHaveBeenCalledWith('bge');
    await vi.waitFor(() => expect(container.querySelector('datalist option')?.getAttribute('value')).toBe('bge-reranker-v2-m3'));
  });
});

describe('Model detail', () => {
  const detail = {
    modelId: 'm1',
    modelName: 'demo',
    modelType: 'llm' as const,
    visibility: 'PUBLIC' as const,
    status: 'REJECTED' as const,
    owner: { subject: 'sub-alice', username: 'alice' },
    definition: { version: 2, model_name: 'demo' },
    readme: '# Demo\n\n<img src=x onerror="alert(1)">hello',
    version: 5,
    reviewRounds: [{ round: 1, submittedAt: '2026-01-01T00:00:00Z', decision: 'REJECTED', reviewer: { username: 'rita' }, feedback: 'Add a licence' }],
  };

  it('shows the README safely by default and the feedback on the review tab', async () => {
    const { container } = renderAt('/models/detail/demo', hubWith({ modelByName: vi.fn(async () => detail) }));
    expect(await screen.findByRole('heading', { name: 'Demo' })).toBeTruthy();
    expect(container.innerHTML).not.toMatch(/onerror/);
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Review status' }));
    expect(await screen.findByText('Add a licence')).toBeTruthy();
  });

  it('offers settings and resubmission to the owner of a rejected model', async () => {
    renderAt('/models/detail/demo', hubWith({ modelByName: vi.fn(async () => detail), validate: vi.fn(async () => ({ valid: true, errors: [] })) }, session('alice', Permission.REGISTER_PRIVATE)));
    fireEvent.click(await screen.findByRole('tab', { name: 'Review status' }));
    expect(screen.getByRole('button', { name: 'Resubmit for review' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole('button', { name: 'Save definition' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Expire now' })).toBeNull();
  });
});

describe('Register', () => {
  it('hides the enterprise switch from plain users and shows validation errors at their line', async () => {
    const validate = vi.fn(async () => ({ valid: false, errors: [{ pointer: '/definition/model_specs/0/model_format', message: 'must be one of pytorch, gptq' }] }));
    renderAt('/register', hubWith({ validate }, session('alice', Permission.REGISTER_PRIVATE)));
    expect(screen.getByRole('checkbox', { name: /Public model/ })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /Enterprise model/ })).toBeNull();
    expect(await screen.findByText(/must be one of pytorch/, {}, { timeout: 2000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Line 14' })).toBeTruthy();
  });

  it('shows JSON syntax errors without calling the API', async () => {
    const validate = vi.fn(async () => ({ valid: true, errors: [] }));
    renderAt('/register', hubWith({ validate }, session('erin', Permission.REGISTER_PRIVATE, Permission.REGISTER_ENTERPRISE)));
    expect(screen.getByRole('checkbox', { name: /Enterprise model/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Definition (JSON)'), { target: { value: '{\n  "version": 2,\n}' } });
    expect(await screen.findByText(/JSON syntax: Trailing comma/)).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('moves between the detail tabs with the arrow keys', async () => {
    const detail = { modelId: 'm', modelName: 'k', modelType: 'llm' as const, definition: { version: 2 }, readme: '# K', version: 1, reviewRounds: [] };
    renderAt('/models/detail/k', hubWith({ modelByName: vi.fn(async () => detail) }));
    const readme = await screen.findByRole('tab', { name: 'README' });
    readme.focus();
    fireEvent.keyDown(readme, { key: 'ArrowRight' });
    expect((await screen.findByRole('tab', { name: 'Definition' })).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Definition');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Review status' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('User center', () => {
  const profile = { subject: 's', username: 'rita', permissions: [], githubTokenSet: false, githubTokenStorageAvailable: true };
  it('offers reviewers the new-submissions mail and saves a change at once', async () => {
    const saveMailPreferences = vi.fn(async (p: unknown) => p);
    renderAt(
      '/me',
      hubWith(
        {
          profile: vi.fn(async () => profile),
          webhooks: vi.fn(async () => []),
          mailPreferences: vi.fn(async () => ({ reviewDecisions: true, newSubmissions: false, expiryReminders: true, webhookAlerts: true })),
          saveMailPreferences: saveMailPreferences as never,
        },
        session('rita', Permission.REVIEW_LIST, Permission.REVIEW_DECIDE),
      ),
    );
    fireEvent.click(await screen.findByRole('checkbox', { name: /New submissions/ }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(saveMailPreferences).toHaveBeenCalledWith({ reviewDecisions: true, newSubmissions: true, expiryReminders: true, webhookAlerts: true });
    expect(screen.getByText('No token set.')).toBeTruthy();
  });

  it('hides the mail section when the hub sends no mail', async () => {
    const { ApiError } = await import('../lib/api');
    renderAt(
      '/me',
      hubWith(
        { profile: vi.fn(async () => profile), webhooks: vi.fn(async () => Promise.reject(new ApiError(404, {}))), mailPreferences: vi.fn(async () => Promise.reject(new ApiError(404, {}))) },
        session('alice', Permission.REGISTER_PRIVATE),
      ),
    );
    expect(await screen.findByText('No token set.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Mail notifications' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Webhooks' })).toBeNull();
  });

  it('creates a webhook, shows its secret once, and puts the server\'s refusal next to the URL', async () => {
    const { ApiError } = await import('../lib/api');
    const hook = { id: 'w1', url: 'https://ci.example.com/h', eventKinds: ['model.approved', 'model.rejected'], active: true };
    let stored: unknown[] = [];
    const createWebhook = vi
      .fn()
      .mockRejectedValueOnce(new ApiError(400, { errors: [{ pointer: '/url', message: 'must not point at a private address' }] }))
      .mockImplementationOnce(async () => {
        stored = [hook];
        return { ...hook, secret: 'whsec-123' };
      });
    renderAt(
      '/me',
      hubWith(
        {
          profile: vi.fn(async () => profile),
          mailPreferences: vi.fn(async () => Promise.reject(new ApiError(404, {}))),
          webhooks: vi.fn(async () => stored) as never,
          createWebhook: createWebhook as never,
        },
        session('alice', Permission.REGISTER_PRIVATE),
      ),
    );
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('Enter the receiver URL.')).toBeTruthy();
    expect(createWebhook).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText(/Receiver URL/), { target: { value: 'https://10.0.0.1/h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('must not point at a private address')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Receiver URL/), { target: { value: 'https://ci.example.com/h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    expect(await screen.findByText('whsec-123')).toBeTruthy();
    expect(createWebhook).toHaveBeenLastCalledWith({ url: 'https://ci.example.com/h', eventKinds: ['model.approved', 'model.rejected'] });
    expect(await screen.findByText('https://ci.example.com/h')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByText('whsec-123')).toBeNull();
  });
});
