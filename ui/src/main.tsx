import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { createUserManager, HubProvider, initialUser } from './lib/auth';
import { loadConfig } from './lib/config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

async function start() {
  try {
    const config = await loadConfig();
    const manager = createUserManager(config);
    const user = await initialUser(manager).catch(() => null);
    root.render(
      <StrictMode>
        <HubProvider config={config} manager={manager} initial={user}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </HubProvider>
      </StrictMode>,
    );
  } catch (e) {
    root.render(
      <div className="boot-error" role="alert">
        <h1>The Models Hub could not start</h1>
        <p>{e instanceof Error ? e.message : String(e)}</p>
      </div>,
    );
  }
}

void start();
