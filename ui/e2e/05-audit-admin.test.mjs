// Auditors read a model's timeline and export it; the admin sees the catalogue charts and the projections.
import { after, before, test } from 'node:test';
import { call, env, eventually, launch, login, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
let model;
before(async () => {
  model = await registerViaApi('alice', { modelType: 'video', visibility: 'PRIVATE' });
  await call('PUT', `${env.command}/api/registry/models/${model.modelId}/readme`, { tokenOf: 'alice', body: { readme: '# Second version' } });
  browser = await launch();
});
after(() => browser?.close());

test('audrey reads a model\'s timeline in the audit trail and exports it', async () => {
  const page = await newPage(browser);
  await login(page, 'audrey', `/audit?modelId=${model.modelId}`);
  await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  await eventually('both events in the audit trail', async () => {
    if ((await page.locator('table.audit tbody tr').count()) >= 2) return true;
    await page.reload();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    return false;
  });
  await page.locator('table.audit', { hasText: 'Readme Updated' }).waitFor();
  await page.locator('table.audit', { hasText: 'Registered' }).waitFor();
  await shot(page, 'audit');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  if (file.suggestedFilename() !== 'audit-trail.csv') throw new Error(file.suggestedFilename());
});

test('adam sees the admin dashboard', async () => {
  const page = await newPage(browser);
  await login(page, 'adam', '/admin');
  await page.getByRole('heading', { name: 'Administration' }).waitFor();
  await page.getByText('Models per type').waitFor();
  await page.getByText('Decisions per day').waitFor();
  await page.locator('table.projections tbody tr').first().waitFor();
  await shot(page, 'admin');
});
