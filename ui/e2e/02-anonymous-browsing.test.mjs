// (b) Anonymous browsing: the home page with type tabs, search as you type, and a model's detail page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { env, eventually, call, launch, newPage, registerViaApi, shot } from './helpers.mjs';

let browser;
let model;

before(async () => {
  model = await registerViaApi('paula', {
    modelType: 'embedding',
    visibility: 'PUBLIC',
    readme: '# Browse me\n\nA **public** embedding model.\n\n<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">',
  });
  await eventually('the model indexed', async () => (await call('GET', `${env.query}/api/catalogue/models/by-name/${model.modelName}`)).status === 200);
  browser = await launch();
});
after(() => browser?.close());

test('anyone browses the home page: tabs, facets, search as you type', async () => {
  const page = await newPage(browser);
  await page.goto(env.ui + '/');
  await page.getByRole('heading', { name: 'Models for Xinference' }).waitFor();
  for (const type of ['llm', 'embedding', 'rerank', 'image', 'audio', 'video']) {
    await page.getByRole('tab', { name: new RegExp(`^${type}`) }).waitFor();
  }
  await page.locator('.model-card').first().waitFor();
  await shot(page, 'home');

  await page.getByRole('tab', { name: /^embedding/ }).click();
  await page.waitForURL(/type=embedding/);
  await page.getByLabel('Search models').fill(model.modelName);
  // the list follows the debounced search: the exact name ranks first, and the query is in the address
  await page.waitForURL((url) => url.searchParams.get('q') === model.modelName);
  await page.waitForFunction((name) => document.querySelector('.model-card')?.getAttribute('data-model-name') === name, model.modelName);
  assert.ok(await page.getByRole('tab', { name: /^embedding/ }).getAttribute('aria-selected'));
  await shot(page, 'home-search');

  await page.locator(`.model-card[data-model-name="${model.modelName}"] a.model-name`).click();
  await page.waitForURL(`**/models/detail/${model.modelName}`);
  await page.getByRole('heading', { name: 'Browse me' }).waitFor();
  assert.deepEqual(page.jsErrors, []);
});

test('the detail page opens directly at /models/detail/{name} with README first, then the other tabs', async () => {
  const page = await newPage(browser);
  await page.goto(`${env.ui}/models/detail/${model.modelName}`);
  await page.getByRole('heading', { name: model.modelName, level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Browse me' }).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'README' }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'README scripts never run');
  assert.equal(await page.getByRole('tab', { name: 'Settings' }).count(), 0, 'no settings for anonymous');
  await shot(page, 'detail-readme');

  await page.getByRole('tab', { name: 'Definition' }).click();
  await page.locator('pre.json', { hasText: `"model_name": "${model.modelName}"` }).waitFor();
  await shot(page, 'detail-definition');

  await page.getByRole('tab', { name: 'Review status' }).click();
  await page.getByText('Current status').waitFor();
  assert.deepEqual(page.jsErrors, []);
});

test('an unknown model gets a clear message, not a blank page', async () => {
  const page = await newPage(browser);
  await page.goto(`${env.ui}/models/detail/no-such-model-${Date.now()}`);
  await page.getByRole('alert').filter({ hasText: 'No model named' }).waitFor();
});

test('the home and detail pages work at phone width', async () => {
  const page = await newPage(browser, { width: 390, height: 844 });
  await page.goto(env.ui + '/');
  await page.locator('.model-card').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px)`);
  await shot(page, 'home-phone');
  await page.goto(`${env.ui}/models/detail/${model.modelName}`);
  await page.getByRole('heading', { name: 'Browse me' }).waitFor();
  await shot(page, 'detail-phone');
});

test('"Sign up" opens Keycloak\'s registration form', async () => {
  const page = await newPage(browser);
  await page.goto(env.ui + '/');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL((url) => url.href.startsWith(env.keycloak));
  await page.locator('#email').waitFor();
  await page.locator('#password-confirm').waitFor();
  await shot(page, 'keycloak-sign-up');
});
