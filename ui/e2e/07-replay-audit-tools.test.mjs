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

test('adam replays the catalogue while the progress bar moves, then cancels a replay of the audit trail', async () => {
  await noRunningRebuild();
  const before = (await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' })).body.map((r) => r.id);
  const page = await newPage(browser);
  await login(page, 'adam', '/admin');
  await page.getByRole('heading', { name: 'Replay a projection' }).waitFor();
  await page.getByLabel('Projection').selectOption('catalogue');
  await page.getByRole('button', { name: 'Start replay' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();

  // the bar appears and reports progress: watch aria-valuenow rise while it builds
  const bar = page.getByRole('progressbar', { name: 'Replay of catalogue' });
  await bar.waitFor();
  const total = Number(await bar.getAttribute('aria-valuemax'));
  assert.ok(total > 0, `a total of events is shown (${total})`);
  const seen = new Set();
  let shotTaken = false;
  await eventually(
    'the replay to finish',
    async () => {
      if (await bar.count()) {
        const now = await bar.getAttribute('aria-valuenow').catch(() => null);
        if (now !== null) seen.add(Number(now));
        if (!shotTaken && (await page.locator('.rebuild-rate').textContent().catch(() => '—')) !== '—') {
          await shot(page, 'admin-replay-progress').catch(() => undefined);
          shotTaken = true;
        }
        return false;
      }
      return page.locator('table.rebuilds tbody tr', { hasText: 'catalogue' }).filter({ hasText: 'Done' }).count();
    },
    { timeout: 180000, interval: 100 },
  );
  const values = [...seen].sort((a, b) => a - b);
  assert.ok(values.length >= 2, `the bar moved: values seen ${JSON.stringify(values)}`);
  // the UI's figures are the server's: the finished replay counts every event
  const done = (await call('GET', `${env.query}/api/admin/rebuilds`, { tokenOf: 'adam' })).body.find(
    (r) => !before.includes(r.id) && r.projection === 'catalogue',
  );
  assert.equal(done.phase, 'DONE');
  assert.ok(done.eventsDone >= total);
  await shot(page, 'admin-replay-done');

  // a replay started and cancelled from the page ends CANCELLED (unless it was already done: then it cannot be)
  await page.getByLabel('Projection').selectOption('audit-trail');
  await page.getByRole('button', { name: 'Start replay' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Replay' }).click();
  const auditBar = page.getByRole('progressbar', { name: 'Replay of audit-trail' });
  const appeared = await auditBar.waitFor({ timeout: 10000 }).then(() => true, () => false);
  if (appeared) {
    await page.getByRole('button', { name: 'Cancel replay' }).click().catch(() => undefined);
  }
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
  await page.locator('table.rebuilds tbody tr', { hasText: 'audit-trail' }).first().waitFor();
  if (appeared && last.phase === 'CANCELLED') {
    await page.locator('table.rebuilds tbody tr', { hasText: 'audit-trail' }).filter({ hasText: 'Cancelled' }).first().waitFor();
  }
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
  const atTime = new Date(beforeUpdate.getTime() + 500);

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
