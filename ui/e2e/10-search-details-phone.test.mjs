// Issue 17: search that finds what people type (prefixes of names and of words inside them, highlights,
// suggestions, results within 150 ms of the last keystroke), the model page people can use (launch command,
// status-true badges, plain words), registration without a keyboard trap and with a visible read-your-writes wait,
// the review queue's filters, audit by name, and the phone-width pass of home, detail, register and review.
// Every shot() also runs axe-core: 0 violations on every page visited.
import assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import { after, before, test } from 'node:test';
import { call, env, eventually, fixture, launch, login, newPage, registerViaApi, shot, uniqueName } from './helpers.mjs';

const DEMO = { llm: 'QwQ-32B', embedding: 'bge-m3', rerank: 'bge-reranker-v2-m3', image: 'Qwen-Image', audio: 'CosyVoice2-0.5B', video: 'Wan2.1-1.3B' };
const PHONE = { width: 390, height: 844 };
let browser;

before(async () => {
  // the demo catalogue (the six real v1.13.0 definitions), as ./hub up loads it; 409 = already there
  for (const [modelType, name] of Object.entries(DEMO)) {
    const definition = fixture(modelType);
    delete definition.updated_at;
    const r = await call('POST', `${env.command}/api/registry/models`, {
      tokenOf: 'paula',
      headers: { 'Idempotency-Key': `e2e-demo-${name}` },
      body: { modelType, visibility: 'PUBLIC', definition, readme: `# ${name}\n\nThe ${modelType} model ${name}.` },
    });
    assert.ok([200, 201, 409].includes(r.status), `${name}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  for (const name of Object.values(DEMO)) {
    await eventually(`${name} searchable`, async () => (await call('GET', `${env.query}/api/catalogue/models?q=${encodeURIComponent(name)}`)).body?.items?.some((i) => i.modelName === name));
  }
  browser = await launch();
});
after(() => browser?.close());

/**
 * Types the query key by key and measures, in the page, from the last keystroke to the first frame showing the
 * expected model first with the typed text marked in its name (checked every animation frame).
 */
async function typeAndTime(page, query, firstName) {
  await page.locator('#search').fill('');
  await page.evaluate(({ query, firstName }) => {
    window.__lastKey = 0;
    window.__rendered = 0;
    const input = document.querySelector('#search');
    input.addEventListener('input', () => {
      window.__lastKey = performance.now();
      window.__rendered = 0;
    });
    const check = () => {
      const first = document.querySelector('.results .model-card');
      const mark = first?.querySelector('.model-name mark')?.textContent ?? '';
      if (input.value === query && first?.getAttribute('data-model-name') === firstName && mark.toLowerCase() === query.toLowerCase()) {
        if (!window.__rendered) window.__rendered = performance.now();
      } else {
        window.__rendered = 0;
      }
      if (!window.__stop) requestAnimationFrame(check);
    };
    window.__stop = false;
    requestAnimationFrame(check);
  }, { query, firstName });
  await page.locator('#search').pressSequentially(query, { delay: 40 });
  await page.waitForFunction(() => window.__rendered > 0 && window.__lastKey > 0, null, { timeout: 10000 });
  return page.evaluate(() => {
    window.__stop = true;
    return window.__rendered - window.__lastKey;
  });
}

test('search finds the start of names and of the words inside them, highlighted, in time', async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await page.goto(env.ui + '/');
  await page.locator('.model-card').first().waitFor();
  const timings = [];
  for (const [query, first] of [['CosyV', DEMO.audio], ['Wan2', DEMO.video], ['bge-rer', DEMO.rerank], ['Qwen-Im', DEMO.image]]) {
    timings.push(await typeAndTime(page, query, first));
    // the typed part of the name is marked
    await page.locator(`.model-card[data-model-name="${first}"] .model-name mark`).first().waitFor();
  }
  console.log(`search: last keystroke → first card rendered, ms: ${timings.map((t) => t.toFixed(0)).join(', ')}`);
  const median = [...timings].sort((a, b) => a - b)[Math.floor(timings.length / 2)];
  // the 150 ms budget is a statement about the hub, not about a machine whose cores are queued several deep
  // (load per core above 1.5: the figures are printed, not asserted)
  const loadPerCore = loadavg()[0] / availableParallelism();
  const budget = Number(process.env.HUB_E2E_SEARCH_BUDGET_MS ?? 150);
  if (loadPerCore <= 1.5) assert.ok(median < budget, `median ${median} ms over ${budget} ms, all ${timings}`);
  else console.log(`search timing not asserted: load ${loadPerCore.toFixed(1)} per core; median ${median.toFixed(0)} ms`);

  // a word inside a name (other tests' e2e-image-* models share the word, so only its presence is checked)
  await page.locator('#search').fill('Image');
  await page.locator(`.model-card[data-model-name="${DEMO.image}"] .model-name mark`).waitFor();
  // every word must match: a nonsense word next to a real one finds nothing
  await page.locator('#search').fill('qwen zebra');
  await page.getByText('No models match').waitFor();
  // one typo forgiven on a longer word
  await page.locator('#search').fill('rerankr');
  await page.locator(`.model-card[data-model-name="${DEMO.rerank}"]`).waitFor();
  // suggestions as you type (the browser's own list)
  await page.locator('#search').fill('bge');
  await page.waitForFunction(() => [...document.querySelectorAll('#search-suggestions option')].map((o) => o.value).includes('bge-reranker-v2-m3'));
  await shot(page, 'search');
});

test('a model page people can use: launch command, true badges, plain words', async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await page.goto(`${env.ui}/models/detail/${DEMO.llm}`);
  const command = page.getByTestId('launch-command');
  await command.waitFor();
  assert.match(await command.textContent(), /^xinference launch --model-name QwQ-32B --model-type LLM --model-engine Transformers --model-format pytorch --size-in-billions 32 --quantization none$/);
  await page.getByLabel('Format and size').selectOption({ label: 'ggufv2 · 32 B' });
  await page.getByLabel('Quantization').selectOption('Q4_K_M');
  assert.match(await command.textContent(), /--model-engine llama\.cpp --model-format ggufv2 --size-in-billions 32 --quantization Q4_K_M$/);
  assert.equal(await page.getByText(/^Version$/).count(), 0, 'no bare "Version" number');
  await page.getByText('Changes', { exact: true }).waitFor();
  await shot(page, 'detail-launch');

  // a pending public model says so in one badge; its description comes from the README
  const pending = await registerViaApi('alice', { modelType: 'embedding', visibility: 'PUBLIC', readme: '# t\n\nA pending model described only in its README.' });
  const alice = await newPage(browser, { width: 1440, height: 900 });
  await login(alice, 'alice', `/models/detail/${pending.modelName}`);
  await alice.getByText('Public — in review').first().waitFor();
  await alice.locator('.detail-head .model-desc', { hasText: 'A pending model described only in its README.' }).waitFor();
  await shot(alice, 'detail-pending');
});

test('registration: Tab leaves the JSON editor, the README follows the name, the wait is visible', async () => {
  const page = await newPage(browser, { width: 1440, height: 900 });
  await login(page, 'alice', '/register');
  await page.getByRole('heading', { name: 'Register a model' }).waitFor();
  const name = uniqueName('kbd');
  // keyboard only: into the definition, replace the name, Tab out
  await page.locator('#definition').focus();
  const text = await page.locator('#definition').inputValue();
  await page.locator('#definition').fill(text.replace(/"model_name": "[^"]*"/, `"model_name": "${name}"`));
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'definition', 'Tab moved focus out of the editor');
  // the README title followed the pasted model_name
  await eventually('README title follows the name', async () => (await page.locator('#readme').inputValue()).startsWith(`# ${name}`));
  // indenting is opt-in, and Escape ends it
  await page.getByLabel('Tab key indents').check();
  await page.locator('#definition').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'definition');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'definition');
  await page.locator('#definition').fill(text.replace(/"model_name": "[^"]*"/, `"model_name": "${name}"`));
  await page.getByText('✓ Valid definition').waitFor();
  await shot(page, 'register-keyboard');
  await page.getByRole('button', { name: 'Register model' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: `${name} registered` }).waitFor();
  await page.getByRole('link', { name: 'Open the model' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name }).first().waitFor();
  assert.equal(await page.getByText(/No model named/).count(), 0);
  await shot(page, 'register-opened');
});

test('audit by name with suggestions; a timeline titled by the name; empty states say what was searched', async () => {
  const model = await registerViaApi('alice', { modelType: 'video', visibility: 'PRIVATE' });
  const page = await newPage(browser, { width: 1440, height: 900 });
  await login(page, 'audrey', '/audit');
  await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  const field = page.getByLabel('Model', { exact: true });
  await field.fill(model.modelName.slice(0, 12));
  await eventually('the name suggested', async () => (await page.locator('#audit-model-names option').evaluateAll((o) => o.map((x) => x.value))).includes(model.modelName));
  await field.fill(model.modelName);
  await field.press('Enter');
  await page.getByRole('heading', { name: new RegExp(`Timeline of ${model.modelName}`) }).waitFor();
  await page.getByText(/is the model's version/).waitFor();
  await shot(page, 'audit-by-name');
  await field.fill('no-such-model-anywhere');
  await field.press('Enter');
  await page.getByText('No events for model “no-such-model-anywhere”.').waitFor();
  await shot(page, 'audit-empty');
});

test('review queue: search and filters; phone width: filters and menu behind buttons, nothing overflows', async () => {
  const model = await registerViaApi('bob', { modelType: 'rerank', visibility: 'PUBLIC' });
  const rita = await newPage(browser, PHONE);
  await login(rita, 'rita', '/review');
  await rita.getByRole('heading', { name: 'Review queue' }).waitFor();
  await eventually('the submission in the queue', async () => {
    if ((await rita.locator(`.queue-item[data-model-name="${model.modelName}"]`).count()) > 0) return true;
    await rita.reload();
    return false;
  });
  await rita.getByLabel('Search', { exact: true }).fill(model.modelName);
  await rita.getByText(/1 of \d+ shown|1 waiting/).waitFor();
  await rita.getByLabel('Submitter').selectOption('bob');
  await rita.locator(`.queue-item[data-model-name="${model.modelName}"]`).getByRole('button', { name: 'Review' }).click();
  await rita.locator('pre.json').first().waitFor();
  const overflow = await rita.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the review page scrolls sideways by ${overflow}px at 390 px`);
  // the folded menu
  await rita.getByRole('button', { name: /Menu/ }).click();
  await rita.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).waitFor();
  await shot(rita, 'phone-review');

  const phone = await newPage(browser, PHONE);
  await phone.goto(env.ui + '/');
  const first = phone.locator('.model-card').first();
  await first.waitFor();
  const box = await first.boundingBox();
  assert.ok(box && box.y < PHONE.height, `the first model starts at ${box?.y}px, below the first screen`);
  assert.equal(await phone.locator('#filters').isVisible(), false, 'filters folded');
  await phone.getByRole('button', { name: /Sort and filter/ }).click();
  await phone.locator('#filters').waitFor();
  await shot(phone, 'phone-home');
  await phone.goto(`${env.ui}/models/detail/${DEMO.video}`);
  await phone.getByTestId('launch-command').waitFor();
  assert.ok((await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)) <= 0);
  await shot(phone, 'phone-detail');
  const alice = await newPage(browser, PHONE);
  await login(alice, 'alice', '/register');
  await alice.getByRole('heading', { name: 'Register a model' }).waitFor();
  assert.ok((await alice.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)) <= 0);
  await shot(alice, 'phone-register');
});

test('static assets are served compressed and cached for good', async () => {
  const html = await (await fetch(env.ui + '/')).text();
  const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  assert.ok(script, 'the page loads a fingerprinted script');
  const r = await fetch(env.ui + script, { headers: { 'Accept-Encoding': 'br, gzip' } });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-encoding') ?? '', /^(br|gzip)$/);
  assert.match(r.headers.get('cache-control') ?? '', /max-age=31536000/);
  assert.match(r.headers.get('vary') ?? '', /Accept-Encoding/i);
});
