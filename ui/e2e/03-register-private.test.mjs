// (c) Alice logs in through Keycloak's real login page, registers a private model, finds it in My Models,
// and logs out. Bob cannot see it anywhere.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, env, eventually, launch, login, logout, newPage, registerViaApi, shot, uniqueName } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

const name = uniqueName('alice-private');

test('alice registers a private model through the UI and sees it in My Models', async () => {
  const page = await newPage(browser);
  await login(page, 'alice');
  await page.locator('.avatar-menu summary').click();
  await page.getByRole('menuitem', { name: 'Model Registration' }).click();
  await page.getByRole('heading', { name: 'Register a model' }).waitFor();
  // alice may ask for a public model (reviewed) but never an enterprise one
  assert.equal(await page.getByRole('checkbox', { name: /Enterprise model/ }).count(), 0);

  await page.getByRole('radio', { name: 'embedding' }).check({ force: true });
  await page.locator('#definition').waitFor();
  await page.locator('input[name="modelName"]').fill(name);
  await page.getByText('✓ Valid definition').waitFor();
  // a mistake is shown at its line, then fixed
  const good = await page.locator('#definition').inputValue();
  await page.locator('#definition').fill(good.replace('"version": 2', '"version": 3'));
  await page.locator('.json-editor .errors').filter({ hasText: /Line 2/ }).waitFor();
  await shot(page, 'register-validation-error');
  await page.locator('#definition').fill(good);
  await page.getByText('✓ Valid definition').waitFor();
  // Get README: the model card, or (offline, no card) a README written from the definition
  await page.getByRole('button', { name: 'Get README' }).click();
  await page.locator('.readme-editor [role="status"]').filter({ hasText: /README fetched|written from the definition/ }).waitFor();
  assert.notEqual(await page.locator('#readme').inputValue(), '');
  await shot(page, 'register');

  await page.getByRole('button', { name: 'Register model' }).click();
  await page.getByRole('heading', { name: `${name} registered` }).waitFor();
  await shot(page, 'register-result');

  await page.getByRole('link', { name: 'My Models' }).last().click();
  await page.locator(`tr[data-model-name="${name}"]`).waitFor();
  const row = await page.locator(`tr[data-model-name="${name}"]`).innerText();
  assert.match(row, /Private/);
  await shot(page, 'my-models');

  await page.locator(`tr[data-model-name="${name}"] a`).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Expiration' }).waitFor();
  await shot(page, 'detail-settings');

  await page.goto(env.ui + '/me');
  await page.getByTestId('username').filter({ hasText: 'alice' }).waitFor();
  await page.getByText('register-private-model').waitFor();
  // GitHub token: set, then clear (with confirmation)
  const state = page.getByTestId('github-token-state');
  await state.waitFor();
  if ((await state.innerText()).includes('No token set')) {
    await page.getByLabel('Personal access token').fill('ghp_' + 'e2eTestToken0123456789abcdef'.padEnd(36, 'x'));
    await page.getByRole('button', { name: 'Save token' }).click();
    await state.filter({ hasText: 'A token is set' }).waitFor();
  }
  // mail notifications (when this hub sends mail): alice is no reviewer, so no "new submissions" choice
  const mailSettings = await call('GET', `${env.command}/api/users/me/notifications`, { tokenOf: 'alice' });
  if (mailSettings.status === 200) {
    await page.getByRole('checkbox', { name: /decision on a model I submitted/ }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: /New submissions/ }).count(), 0);
    const reminders = page.getByRole('checkbox', { name: /before one of my models expires/ });
    const before = await reminders.isChecked();
    await reminders.click();
    // exact: the GitHub token notice above ("GitHub token saved. ...") is a status too
    await page.getByRole('status').getByText('Saved.', { exact: true }).waitFor();
    await reminders.click();
    assert.equal(await reminders.isChecked(), before);
  }
  await shot(page, 'user-center');
  await page.getByRole('button', { name: 'Remove token' }).click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Remove' }).click();
  await state.filter({ hasText: 'No token set' }).waitFor();

  // signed in, the home page offers a visibility filter that finds the private model
  await page.goto(`${env.ui}/?q=${encodeURIComponent(name)}`);
  await page.getByRole('checkbox', { name: /^Private/ }).click();
  await page.waitForURL(/visibility=PRIVATE/);
  await page.locator(`.model-card[data-model-name="${name}"]`, { hasText: 'Private' }).waitFor();

  await logout(page);
  await page.goto(`${env.ui}/models/detail/${name}`);
  await page.getByRole('alert').filter({ hasText: 'No model named' }).waitFor();
  assert.deepEqual(page.jsErrors, []);
});

test('bob sees alice\'s private model nowhere', async () => {
  const search = await call('GET', `${env.query}/api/catalogue/models?q=${name}`, { tokenOf: 'bob' });
  assert.equal(search.status, 200);
  assert.equal(search.body.items.filter((m) => m.modelName === name).length, 0);
  const detail = await call('GET', `${env.query}/api/catalogue/models/by-name/${name}`, { tokenOf: 'bob' });
  assert.ok([403, 404].includes(detail.status), `bob gets ${detail.status}`);
  const download = await call('GET', `${env.query}/api/models/download?model_type=embedding`);
  assert.ok(!download.body.some((d) => d.model_name === name), 'never served to Xinference');

  const page = await newPage(browser);
  await login(page, 'bob', `/models/detail/${name}`);
  await page.getByRole('alert').filter({ hasText: 'No model named' }).waitFor();
  await page.goto(env.ui + '/my-models');
  await page.getByRole('heading', { name: 'My Models' }).waitFor();
  assert.equal(await page.locator(`tr[data-model-name="${name}"]`).count(), 0);
});

test('a stale edit is refused with an explanation, not overwritten', async () => {
  const mine = await registerViaApi('alice', { modelType: 'audio', visibility: 'PRIVATE' });
  await eventually('the model in the catalogue', async () => (await call('GET', `${env.query}/api/catalogue/models/by-name/${mine.modelName}?minVersion=${mine.version}`, { tokenOf: 'alice' })).status === 200);
  const page = await newPage(browser);
  await login(page, 'alice', `/models/detail/${mine.modelName}?tab=settings`);
  await page.locator('#edit-readme').fill('# My edit\n\nWritten in the browser.');
  // meanwhile the model changes elsewhere
  const other = await call('PUT', `${env.command}/api/registry/models/${mine.modelId}/readme`, {
    tokenOf: 'alice',
    body: { readme: '# Changed elsewhere' },
  });
  assert.equal(other.status, 200);
  await page.getByRole('button', { name: 'Save README' }).click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Save README' }).click();
  await page.getByRole('alert').filter({ hasText: 'Conflict' }).waitFor();
  assert.equal(await page.locator('#edit-readme').inputValue(), '# My edit\n\nWritten in the browser.', 'the edit is kept');
  await shot(page, 'detail-settings-conflict');
  await page.getByRole('button', { name: 'Load the latest version' }).click();
  await page.getByRole('heading', { name: 'Changed elsewhere' }).or(page.locator('#edit-readme')).first().waitFor();
});
