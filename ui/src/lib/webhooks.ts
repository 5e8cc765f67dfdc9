export const EVENT_KINDS = [
  'model.registered',
  'model.definition_updated',
  'model.readme_updated',
  'model.submitted',
  'model.submission_withdrawn',
  'model.approved',
  'model.rejected',
  'model.expiration_date_set',
  'model.expired',
  'model.deleted',
] as const;

/** What the form can tell before asking the server (which has the last word: private addresses, length, ...). */
export function webhookFormErrors(url: string, kinds: string[]): { url?: string; eventKinds?: string } {
  const errors: { url?: string; eventKinds?: string } = {};
  let parsed: URL | null = null;
  try {
    parsed = new URL(url.trim());
  } catch {
    parsed = null;
  }
  if (!url.trim()) errors.url = 'Enter the receiver URL.';
  else if (!parsed || !/^https?:$/.test(parsed.protocol)) errors.url = 'Enter a full https:// URL.';
  if (kinds.length === 0) errors.eventKinds = 'Choose at least one event.';
  return errors;
}

/** Maps a problem's errors[].pointer ("/url", "/eventKinds/0") to the form field it concerns. */
export function fieldOfPointer(pointer: string | undefined): 'url' | 'eventKinds' | undefined {
  if (!pointer) return undefined;
  const head = pointer.replace(/^#?\//, '').split('/')[0];
  return head === 'url' || head === 'eventKinds' ? head : undefined;
}
