// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaticHubProvider, type Hub } from '../lib/auth';
import type { HubApi, RebuildStatus } from '../lib/api';
import { Rebuilds } from './Rebuilds';

afterEach(cleanup);

const status = (over: Partial<RebuildStatus>): RebuildStatus => ({
  id: 'r1',
  projection: 'catalogue',
  phase: 'BUILDING',
  eventsDone: 0,
  eventsTotal: 0,
  eventsPerSecond: 0,
  etaSeconds: null,
  ...over,
});

function hub(api: Partial<HubApi>): Hub {
  return {
    config: { commandApiUrl: '', queryApiUrl: '', keycloakUrl: 'http://kc', realm: 'models-hub', clientId: 'models-hub-ui' },
    api: api as HubApi,
    session: null,
    login: vi.fn(),
    signUp: vi.fn(),
    logout: vi.fn(),
    can: () => true,
    accountUrl: '',
  } as unknown as Hub;
}

describe('Replay a projection', () => {
  it('starts a replay, shows its progress live, and cancels it', async () => {
    const answers = [
      [],
      [status({ eventsDone: 250, eventsTotal: 1000, eventsPerSecond: 125, etaSeconds: 6 })],
      [status({ eventsDone: 400, eventsTotal: 1000, eventsPerSecond: 130, etaSeconds: 5 })],
    ];
    let call = 0;
    const rebuilds = vi.fn(async () => answers[Math.min(call++, answers.length - 1)]);
    const startRebuild = vi.fn(async () => status({ eventsTotal: 1000 }));
    const cancelRebuild = vi.fn(async () => status({ phase: 'CANCELLED', eventsDone: 400, eventsTotal: 1000 }));
    render(
      <StaticHubProvider hub={hub({ rebuilds, startRebuild, cancelRebuild } as never)}>
        <Rebuilds />
      </StaticHubProvider>,
    );
    expect(await screen.findByText('No replay since this instance started.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Projection' }), { target: { value: 'catalogue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start replay' }));
    fireEvent.click(within(screen.getByRole('dialog', { hidden: true })).getByRole('button', { name: 'Replay', hidden: true }));
    expect(startRebuild).toHaveBeenCalledWith('catalogue');
    const bar = await screen.findByRole('progressbar', { name: 'Replay of catalogue' });
    expect(await screen.findByText('250 of 1,000 events (25 %)', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('125 events/s')).toBeTruthy();
    expect(screen.getByText('6 s')).toBeTruthy();
    expect(await screen.findByText('400 of 1,000 events (40 %)', {}, { timeout: 3000 })).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBe('400');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel replay' }));
    expect(await screen.findByText('Cancelled')).toBeTruthy();
    expect(cancelRebuild).toHaveBeenCalledWith('r1');
  });
});
