import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    const html = renderMarkdown('# Title\n\n**bold** and `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h1');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<table>');
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      'hi <script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) <iframe src="https://evil"></iframe><style>body{}</style>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<style/i);
  });

  it('opens links in a new tab without an opener', () => {
    const html = renderMarkdown('[hf](https://huggingface.co)');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('is empty for no README', () => {
    expect(renderMarkdown(null)).toBe('');
  });

  it('gives images without alt text an empty one (decoration, not an unnamed graphic)', () => {
    expect(renderMarkdown('<img src="a.png">')).toContain('alt=""');
    expect(renderMarkdown('![logo](b.png)')).toContain('alt="logo"');
  });
});
