import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

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
