// (a) The walking skeleton, without a browser: a public maintainer registers a model on the command-side and
// it reaches the query-side's search and the Xinference download contract.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, env, eventually, registerViaApi } from './helpers.mjs';

test('a model registered by paula appears in search and in /api/models/download', async () => {
  const registered = await registerViaApi('paula', { modelType: 'llm', visibility: 'PUBLIC' });
  assert.equal(registered.status, 'APPROVED', 'a public maintainer publishes without review');
  assert.ok(registered.modelId);

  const found = await eventually('the model in the catalogue search', async () => {
    const r = await call('GET', `${env.query}/api/catalogue/models?q=${encodeURIComponent(registered.modelName)}&type=llm`);
    return r.status === 200 && r.body.items.find((m) => m.modelName === registered.modelName);
  });
  assert.equal(found.modelType, 'llm');
  assert.equal(found.visibility, 'PUBLIC');

  const served = await eventually('the model in the Xinference download', async () => {
    const r = await call('GET', `${env.query}/api/models/download?model_type=llm`);
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.body), 'Xinference needs a bare JSON array');
    return r.body.find((d) => d.model_name === registered.modelName);
  });
  assert.equal(typeof served.updated_at, 'number', 'every entry carries an integer updated_at');
  assert.equal(served.is_builtin, undefined);
});
