// Takes the README's screenshots (ui/docs/screenshots) at desktop (1440x900) and phone (390x844) width against a
// running hub with the demo catalogue: node dev/screenshots.mjs OUT_DIR [SUFFIX], with the HUB_E2E_* variables of
// the browser tests. It registers one model and takes it through a rejected round so the review shows round 2.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { call, env, eventually, launch, login, newPage, registerViaApi } from '../e2e/helpers.mjs';

const out = process.argv[2] ?? 'docs/screenshots';
const suffix = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function save(page, name, fullPage = false) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, `${name}${suffix}.png`), fullPage });
}

// a resubmitted public model: round 1 rejected, README and definition changed, round 2 waiting
const model = await registerViaApi('alice', { modelType: 'llm', visibility: 'PUBLIC', readme: '# A first README\n\nSome words.' });
const byName = async (user) => (await call('GET', `${env.query}/api/catalogue/models/by-name/${model.modelName}`, { tokenOf: user })).body;
await eventually('the model in the catalogue', async () => typeof (await byName('alice'))?.version === 'number');
let version = (await byName('rita')).version;
await call('POST', `${env.command}/api/registry/models/${model.modelId}/rejection`, { tokenOf: 'rita', body: { feedback: 'Please add the licence.' }, headers: { 'If-Match': `"${version}"` } });
await eventually('rejected', async () => (await byName('alice'))?.status === 'REJECTED');
version = (await byName('alice')).version;
await call('PUT', `${env.command}/api/registry/models/${model.modelId}/readme`, { tokenOf: 'alice', body: { readme: '# A first README\n\nSome words.\n\nLicence: Apache-2.0' }, headers: { 'If-Match': `"${version}"` } });
await eventually('readme saved', async () => (await byName('alice'))?.version > version);
version = (await byName('alice')).version;
await call('POST', `${env.command}/api/registry/models/${model.modelId}/submission`, { tokenOf: 'alice', headers: { 'If-Match': `"${version}"` } });
await eventually('resubmitted', async () => (await byName('alice'))?.status === 'PENDING_REVIEW');

const browser = await launch();
try {
  for (const [viewport, w] of [[DESKTOP, '1440'], [PHONE, '390']]) {
    const anonymous = await newPage(browser, viewport);
    await anonymous.goto(env.ui + '/');
    await anonymous.locator('.model-card').first().waitFor();
    await save(anonymous, `home-${w}`);
    await anonymous.locator('#search').fill('CosyV');
    await anonymous.waitForTimeout(1500);
    await save(anonymous, `search-${w}`);
    await anonymous.goto(env.ui + '/models/detail/QwQ-32B');
    await anonymous.getByRole('heading', { name: 'QwQ-32B' }).first().waitFor();
    await save(anonymous, `detail-${w}`);

    const rita = await newPage(browser, viewport);
    await login(rita, 'rita', '/review');
    const item = rita.locator(`.queue-item[data-model-name="${model.modelName}"]`);
    await item.waitFor();
    await item.getByRole('button', { name: 'Review' }).click();
    await rita.waitForTimeout(800);
    await item.scrollIntoViewIfNeeded();
    await save(rita, `review-round2-${w}`, true);

    const audrey = await newPage(browser, viewport);
    await login(audrey, 'audrey', '/audit');
    await audrey.getByRole('heading', { name: 'Audit trail' }).waitFor();
    const filter = audrey.getByLabel(/^Model( id| name)?$/).first();
    await filter.fill(model.modelName);
    await filter.press('Enter').catch(() => undefined);
    await audrey.waitForTimeout(1500);
    await save(audrey, `audit-by-name-${w}`, true);

    const alice = await newPage(browser, viewport);
    await login(alice, 'alice', '/register');
    await alice.getByRole('heading', { name: /Register/ }).first().waitFor();
    await save(alice, `register-${w}`);
  }
} finally {
  await browser.close();
}
console.log(`screenshots in ${out} for ${model.modelName}`);
