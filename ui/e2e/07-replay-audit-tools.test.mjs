// Admin replays a projection while the progress bar moves and can cancel one; auditors read a model's state at a
// version and at a time, the diff between two versions, verify the model and the whole store, and export via the server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, env, eventually, launch, login, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/** Waits until no rebuild of this instance is running (an earlier test or a person may have started one). */
async function noRunningRebuild() {
  await eventually(
    'no running rebuild',
    async () => {
      const r = await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' });
      return r.status === 200 && r.body.every((b) => ['DONE', 'CANCELLED', 'FAILED'].includes(b.phase));
    },
    { timeout: 180000, interval: 1000 },
  );
}

test('adam replays the catalogue while the progress bar moves, then cancels a replay of the audit trail', async (t) => {
  await noRunningRebuild();
  const before = (await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' })).body.map((r) => r.id);
  const page = await newPage(browser);
  await login(page, 'adam', '/admin');
  await page.getByRole('heading', { name: 'Replay a projection' }).waitFor();
  // record every value the bar shows, as the page renders it
  await page.evaluate(() => {
    window.__bar = [];
    const record = () => {
      const bar = document.querySelector('[role=progressbar][aria-label="Replay of catalogue"]');
      if (!bar) return;
      const entry = `${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}/${bar.closest('.rebuild-progress')?.querySelector('.rebuild-phase')?.textContent}`;
      if (window.__bar[window.__bar.length - 1] !== entry) window.__bar.push(entry);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByRole('combobox', { name: 'Projection', exact: true }).selectOption('catalogue');
  await page.getByRole('button', { name: 'Start replay' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();

  const bar = page.getByRole('progressbar', { name: 'Replay of catalogue' });
  await bar.waitFor();
  // the replay ends with the bar full and the phase "Done"; the UI's figures are the server's
  await page.locator('.rebuild-progress', { has: bar }).locator('.rebuild-phase', { hasText: 'Done' }).waitFor({ timeout: 180000 });
  const done = (await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' })).body.find(
    (r) => !before.includes(r.id) && r.projection === 'catalogue',
  );
  assert.equal(done.phase, 'DONE');
  assert.ok(done.eventsTotal > 0);
  assert.equal(await bar.getAttribute('aria-valuenow'), String(Math.min(done.eventsDone, done.eventsTotal)));
  assert.equal(await bar.getAttribute('aria-valuemax'), String(done.eventsTotal));
  assert.equal(await page.locator('.rebuild-progress .progress-fill').getAttribute('style'), 'width: 100%;');
  await page.locator('.rebuild-events', { hasText: `${done.eventsDone.toLocaleString('en')} of ${done.eventsTotal.toLocaleString('en')} events (100 %)` }).waitFor();
  // the bar moved live: it showed the replay building with fewer events than at the end, then done
  const seen = await page.evaluate(() => window.__bar);
  const building = seen.filter((e) => e.endsWith('/Building'));
  assert.ok(building.length >= 1, `the bar was shown while building: ${JSON.stringify(seen)}`);
  assert.ok(Number(building[0].split('/')[0]) < done.eventsDone, `the bar started below the end: ${JSON.stringify(seen)}`);
  assert.ok(seen[seen.length - 1].endsWith('/Done'), JSON.stringify(seen));
  await shot(page, 'admin-replay-done');

  // a replay started and cancelled from the page ends CANCELLED (unless it was already done: then it cannot be)
  await page.getByRole('combobox', { name: 'Projection', exact: true }).selectOption('audit-trail');
  await page.getByRole('button', { name: 'Start replay' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();
  const auditBar = page.getByRole('progressbar', { name: 'Replay of audit-trail' });
  const appeared = await auditBar.waitFor({ timeout: 10000 }).then(() => true, () => false);
  const cancelSent = appeared && (await page.getByRole('button', { name: 'Cancel replay' }).click({ timeout: 3000 }).then(() => true, () => false));
  const last = await eventually(
    'the audit-trail replay to end',
    async () => {
      const r = (await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' })).body.find(
        (x) => !before.includes(x.id) && x.projection === 'audit-trail',
      );
      return r && ['DONE', 'CANCELLED', 'FAILED'].includes(r.phase) ? r : null;
    },
    { timeout: 180000, interval: 500 },
  );
  assert.notEqual(last.phase, 'FAILED', last.error ?? '');
  // the page shows how it ended, and the catalogue replay moved to the table of finished ones
  const phaseText = { DONE: 'Done', CANCELLED: 'Cancelled' }[last.phase];
  await page.locator('.rebuild-progress', { has: auditBar }).locator('.rebuild-phase', { hasText: phaseText }).waitFor();
  if (last.phase === 'DONE') t.diagnostic(`the audit-trail replay finished before the cancel (cancel sent: ${cancelSent})`);
  else assert.ok(cancelSent, 'cancelled from the page');
  await page.locator('table.rebuilds tbody tr', { hasText: 'catalogue' }).filter({ hasText: 'Done' }).first().waitFor();
  await shot(page, 'admin-replay-cancelled');
  assert.deepEqual(page.jsErrors, []);
});

test('audrey reads a model at a version and a time, compares versions, verifies, and exports from the server', async () => {
  const model = await registerViaApi('alice', { modelType: 'video', visibility: 'PRIVATE', readme: '# First\n\nline one' });
  const beforeUpdate = new Date();
  await eventually('a second later', async () => Date.now() - beforeUpdate.getTime() > 1100, { interval: 100 });
  const definition = (await call('GET', `${env.query}/api/audit-trail/models/${model.modelId}/state?version=0`, { tokenOf: 'audrey' })).body.model.definition;
  const changed = await call('PUT', `${env.command}/api/registry/models/${model.modelId}/readme`, {
    tokenOf: 'alice',
    headers: { 'If-Match': `"${model.version}"` },
    body: { readme: '# First\n\nline two' },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  // the time field has whole seconds: one second after the registration returned, truncated, is still after the
  // registration and before the README change (made more than 1.1 s after it returned)
  const atTime = new Date(beforeUpdate.getTime() + 1000);

  const page = await newPage(browser);
  await login(page, 'audrey', `/audit?modelId=${model.modelId}`);
  const tools = page.getByRole('region', { name: /Model/ });
  await page.locator('#model-tools-title', { hasText: 'version 1' }).waitFor();

  // state at version 0: the first README
  await page.getByLabel('State at version').selectOption('0');
  await page.getByRole('button', { name: 'Show state' }).click();
  await page.locator('.state-version', { hasText: /^0$/ }).waitFor();
  assert.ok((await page.locator('.state-json').first().textContent()).includes(definition.model_name));
  assert.equal(await page.locator('.state-readme').textContent(), '# First\n\nline one');

  // state at a time between the two events: still version 0
  await page.getByRole('radio', { name: 'time' }).check();
  const pad = (n) => String(n).padStart(2, '0');
  const local = `${atTime.getFullYear()}-${pad(atTime.getMonth() + 1)}-${pad(atTime.getDate())}T${pad(atTime.getHours())}:${pad(atTime.getMinutes())}:${pad(atTime.getSeconds())}`;
  await page.getByLabel('State at time').fill(local);
  await page.getByRole('button', { name: 'Show state' }).click();
  await page.locator('.state-version', { hasText: /^0$/ }).waitFor();
  // and now: version 1
  await page.getByRole('radio', { name: 'version' }).check();
  await page.getByLabel('State at version').selectOption('1');
  await page.getByRole('button', { name: 'Show state' }).click();
  await page.locator('.state-version', { hasText: /^1$/ }).waitFor();

  // diff 0 → 1: README line changed, definition unchanged
  await page.getByLabel('Compare from version').selectOption('0');
  await page.getByLabel('Compare to version').selectOption('1');
  await page.getByRole('button', { name: 'Show changes' }).click();
  await page.locator('.readme-diff .d-del', { hasText: 'line one' }).waitFor();
  await page.locator('.readme-diff .d-add', { hasText: 'line two' }).waitFor();
  await page.getByText('No definition change.').waitFor();

  // verification of the model (anchoring is asynchronous: intact, possibly with events not yet anchored) and the store
  await eventually('the model verified intact and anchored', async () => {
    await page.getByRole('button', { name: 'Verify this model' }).click();
    const text = await page.getByRole('status', { name: 'This model' }).textContent();
    assert.match(text, /Intact/);
    return /2 event\(s\) checked\./.test(text);
  });
  await page.getByRole('button', { name: 'Verify the whole store' }).click();
  await page.getByRole('status', { name: 'Event store' }).filter({ hasText: 'Intact' }).waitFor({ timeout: 60000 });
  await shot(page, 'audit-model-tools');

  // export: the file is the server's NDJSON for this model (two events, oldest first)
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export NDJSON' }).click()]);
  assert.equal(file.suggestedFilename(), 'audit-trail.ndjson');
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile(await file.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2, JSON.stringify(lines));
  assert.ok(lines.every((l) => JSON.stringify(l).includes(model.modelId)));
  assert.ok(tools);
  assert.deepEqual(page.jsErrors, []);
});
