import { describe, expect, it } from 'vitest';
import { fieldOfPointer, webhookFormErrors } from './webhooks';

describe('webhook form', () => {
  it('asks for a URL and at least one event', () => {
    expect(webhookFormErrors('', [])).toEqual({ url: 'Enter the receiver URL.', eventKinds: 'Choose at least one event.' });
    expect(webhookFormErrors('not a url', ['model.approved']).url).toMatch(/https/);
    expect(webhookFormErrors('ftp://x.example', ['model.approved']).url).toMatch(/https/);
    expect(webhookFormErrors('https://ci.example.com/hook', ['model.approved'])).toEqual({});
  });

  it('maps problem pointers to fields', () => {
    expect(fieldOfPointer('/url')).toBe('url');
    expect(fieldOfPointer('/eventKinds/1')).toBe('eventKinds');
    expect(fieldOfPointer('#/url')).toBe('url');
    expect(fieldOfPointer('/scope')).toBeUndefined();
    expect(fieldOfPointer(undefined)).toBeUndefined();
  });
});
