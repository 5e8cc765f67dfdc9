import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * README markdown to HTML that is safe to insert: marked renders, DOMPurify removes scripts, event handlers,
 * javascript: URLs and anything else executable. Links open in a new tab without an opener; images without alt text
 * get an empty one.
 */
export function renderMarkdown(markdown: string | null | undefined): string {
  const html = marked.parse(markdown ?? '', { async: false, gfm: true }) as string;
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] });
  const template = document.createElement('template');
  template.innerHTML = clean;
  template.content.querySelectorAll('a[href]').forEach((a) => {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  // an image a README gives no text for is decoration to a screen reader, not an unnamed graphic
  template.content.querySelectorAll('img:not([alt])').forEach((img) => img.setAttribute('alt', ''));
  return template.innerHTML;
}
