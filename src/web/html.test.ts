import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, raw, safeUrl } from './html.js';

describe('html', () => {
  it('escapes every interpolation', () => {
    const evil = `<script>alert("x")</script> & 'quotes' \``;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &#96;</p>',
    );
  });

  it('keeps nested fragments, arrays, and drops null, undefined and false', () => {
    const items = ['a<', 'b'];
    expect(html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>0',
    );
  });

  it('passes raw fragments through', () => {
    expect(html`<p>${raw('<mark>x</mark>')}</p>`.value).toBe('<p><mark>x</mark></p>');
  });

  it('joins with an escaped separator', () => {
    expect(join(['a', html`<b>b</b>`], ' & ').value).toBe('a &amp; <b>b</b>');
  });

  it('escapes the five characters', () => expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;'));
});

describe('safeUrl', () => {
  it.each([
    ['http://example.org/a?b=c', 'http://example.org/a?b=c'],
    ['www.mairie-belfort.fr', 'http://www.mairie-belfort.fr'],
    ['mailto:a@b.fr', 'mailto:a@b.fr'],
    ['/partenariats/x', '/partenariats/x'],
  ])('keeps %s', (url, expected) => expect(safeUrl(url)).toBe(expected));

  it.each(['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'vbscript:x', 'http://a b'])('refuses %s', (url) =>
    expect(safeUrl(url)).toBeUndefined(),
  );
});
