// alice manages webhooks in the user center: create (the secret shown once), the delivery log of an event of her
// model with redeliver, pause and resume, delete.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, env, eventually, launch, login, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

test('alice creates a webhook, sees its secret once, redelivers a delivery, pauses, resumes and deletes it', async () => {
  const receiver = `https://hooks.example.test/e2e-${Date.now().toString(36)}`;
  const page = await newPage(browser);
  await login(page, 'alice', '/me');
  await page.getByRole('heading', { name: 'Webhooks' }).waitFor();

  // a refusal by the form itself, next to the field
  await page.getByLabel(/Receiver URL/).fill('not a url');
  await page.getByRole('button', { name: 'Add webhook' }).click();
  await page.getByText('Enter a full https:// URL.').waitFor();

  await page.getByLabel(/Receiver URL/).fill(receiver);
  await page.getByRole('checkbox', { name: 'model.registered' }).check();
  await page.getByRole('button', { name: 'Add webhook' }).click();
  const secretBox = page.getByRole('status', { name: 'New webhook secret' });
  const secret = (await secretBox.locator('.webhook-secret').textContent()).trim();
  assert.ok(secret.length >= 16, `a secret is shown (${secret.length} chars)`);
  const item = page.locator('li.webhook', { hasText: receiver });
  await item.getByText('Active').waitFor();
  await shot(page, 'user-center-webhook-created');

  // the API never shows the secret again
  const listed = (await call('GET', `${env.command}/api/webhooks`, { tokenOf: 'alice' })).body.find((h) => h.url === receiver);
  assert.ok(listed, 'the webhook is stored');
  assert.equal(listed.secret, undefined);
  assert.deepEqual([...listed.eventKinds].sort(), ['model.approved', 'model.registered', 'model.rejected']);
  await page.getByRole('button', { name: 'I have copied it' }).click();
  await secretBox.waitFor({ state: 'detached' });
  await page.reload();
  await item.waitFor();
  assert.equal(await page.getByText(secret).count(), 0, 'the secret is gone after a reload');

  // an event of her model makes a delivery (the receiver does not exist, so it fails and is retried): redeliver it
  await registerViaApi('alice', { modelType: 'rerank', visibility: 'PRIVATE' });
  await item.getByRole('button', { name: 'Deliveries' }).click();
  await eventually('a delivery in the log', async () => {
    await item.getByRole('button', { name: 'Refresh' }).click();
    return (await item.locator('table.deliveries tbody tr').count()) > 0;
  });
  const before = await item.locator('table.deliveries tbody tr').count();
  await item.locator('table.deliveries tbody tr').first().getByRole('button', { name: 'Redeliver' }).click();
  await item.getByText(/Sent again as a new delivery/).waitFor();
  await eventually('the redelivery listed', async () => (await item.locator('table.deliveries tbody tr').count()) === before + 1);
  await item.locator('table.deliveries', { hasText: 'redelivery' }).waitFor();
  await shot(page, 'user-center-webhook-deliveries');

  // pause and resume
  await item.getByRole('button', { name: 'Pause' }).click();
  await item.getByText('Paused').waitFor();
  assert.equal((await call('GET', `${env.command}/api/webhooks/${listed.id}`, { tokenOf: 'alice' })).body.active, false);
  await item.getByRole('button', { name: 'Resume' }).click();
  await item.getByText('Active').waitFor();
  assert.equal((await call('GET', `${env.command}/api/webhooks/${listed.id}`, { tokenOf: 'alice' })).body.active, true);

  // delete, confirmed
  await item.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await item.waitFor({ state: 'detached' });
  assert.equal((await call('GET', `${env.command}/api/webhooks/${listed.id}`, { tokenOf: 'alice' })).status, 404);
  assert.deepEqual(page.jsErrors, []);
});
