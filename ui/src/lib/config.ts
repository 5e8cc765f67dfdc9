export interface UiConfig {
  commandApiUrl: string;
  queryApiUrl: string;
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

const trim = (url: string | undefined) => (url ?? '').replace(/\/+$/, '');

/** Fetches /ui-config.json, served by the query-side next to the UI. */
export async function loadConfig(): Promise<UiConfig> {
  const response = await fetch('/ui-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Could not load /ui-config.json (HTTP ${response.status})`);
  const raw = (await response.json()) as Partial<UiConfig>;
  return {
    commandApiUrl: trim(raw.commandApiUrl),
    queryApiUrl: trim(raw.queryApiUrl),
    keycloakUrl: trim(raw.keycloakUrl),
    realm: raw.realm || 'models-hub',
    clientId: raw.clientId || 'models-hub-ui',
  };
}

export function issuerOf(config: UiConfig): string {
  return `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}`;
}
