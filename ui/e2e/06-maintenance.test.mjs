// A public maintainer sets an expiration date, expires the model now and deletes it, each step confirmed; the
// model leaves the Xinference download.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, env, eventually, launch, login, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
let model;
const inDownload = async () => {
  const r = await call('GET', `${env.query}/api/models/download?model_type=image`);
  return r.status === 200 && r.body.some((d) => d.model_name === model.modelName);
};

before(async () => {
  model = await registerViaApi('paula', { modelType: 'image', visibility: 'PUBLIC' });
  await eventually('the model in the download', inDownload);
  browser = await launch();
});
after(() => browser?.close());

test('paula sets an expiration date, expires and deletes a public model', async () => {
  const page = await newPage(browser);
  await login(page, 'paula', `/models/detail/${model.modelName}?tab=settings`);
  await page.getByRole('heading', { name: 'Expiration', level: 2 }).waitFor();

  await page.getByLabel('Expiration date').fill('2030-01-01T12:00');
  await page.getByRole('button', { name: 'Set date' }).click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Set date' }).click();
  await page.getByRole('status').filter({ hasText: 'Expiration date set' }).waitFor();
  await page.locator('.facts', { hasText: 'Expires' }).waitFor();

  await page.getByRole('button', { name: 'Expire now' }).click();
  await shot(page, 'detail-settings-confirm');
  await page.locator('dialog[open]').getByRole('button', { name: 'Expire now' }).click();
  await page.locator('.detail-head .badge', { hasText: 'Expired' }).waitFor();
  await eventually('the model gone from the download', async () => !(await inDownload()));

  await page.getByRole('button', { name: 'Delete model…' }).click();
  const dialog = page.locator('dialog[open]');
  assert.equal(await dialog.getByRole('button', { name: 'Delete for good' }).isDisabled(), true, 'needs the name typed');
  await dialog.getByLabel(/to confirm/).fill(model.modelName);
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await page.waitForURL('**/my-models');
  await page.getByRole('status').filter({ hasText: `${model.modelName} was deleted` }).waitFor();
  assert.deepEqual(page.jsErrors, []);
});
