import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Pre-compressed copies of the built text files (file.js.br, file.js.gz): the query-side serves them to browsers
// that accept them (Spring's EncodedResourceResolver), so nothing is compressed per request. Node's own zlib: no
// plugin dependency for a dozen lines.
function precompress(dir: string) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) {
      precompress(file);
    } else if (/\.(js|css|html|svg|json|txt)$/.test(name) && statSync(file).size >= 1024) {
      const body = readFileSync(file);
      writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    }
  }
}

// In development (`npm run dev`) the query-side is not in front of Vite, so serve a ui-config.json pointing at
// the default local ports. In production the query-side serves /ui-config.json itself.
const devConfig = {
  commandApiUrl: process.env.HUB_COMMAND_URL ?? 'http://127.0.0.1:8081',
  queryApiUrl: process.env.HUB_QUERY_URL ?? 'http://127.0.0.1:8082',
  keycloakUrl: process.env.HUB_KEYCLOAK_URL ?? 'http://127.0.0.1:18080',
  realm: 'models-hub',
  clientId: 'models-hub-ui',
};

export default defineConfig({
  plugins: [
    react(),
    {
      name: 'precompress',
      apply: 'build',
      closeBundle() {
        precompress('dist');
      },
    },
    {
      name: 'dev-ui-config',
      configureServer(server) {
        server.middlewares.use('/ui-config.json', (_req, res) => {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(devConfig));
        });
      },
    },
  ],
  build: { outDir: 'dist', sourcemap: false, chunkSizeWarningLimit: 800 },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
