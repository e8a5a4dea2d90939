import { describe, expect, it } from 'vitest';
import { parseSearchParams, searchParamsOf } from './params.js';

const parse = (text: string) => {
  const url = new URLSearchParams(text);
  const params: Record<string, string[]> = {};
  for (const [k, v] of url) (params[k] ??= []).push(v);
  return parseSearchParams(params);
};

describe('parseSearchParams', () => {
  it('reads the whole state from the URL', () => {
    const { query, notices } = parse('q=eau&domain=culture&domain=sport&pad=yes&sort=date&page=3&perPage=50');
    expect(query).toEqual({ q: 'eau', filters: { domain: ['culture', 'sport'], pad: ['yes'] }, sort: 'date', page: 3, perPage: 50 });
    expect(notices).toEqual([]);
  });

  it('has defaults', () => {
    expect(parseSearchParams({})).toEqual({ query: { q: '', filters: {}, sort: 'relevance', page: 1, perPage: 20 }, notices: [] });
  });

  it('clamps, truncates and ignores with a notice, never throws', () => {
    const long = parseSearchParams({ q: 'x'.repeat(10_000) });
    expect(long.query.q).toHaveLength(500);
    expect(long.notices).toHaveLength(1);
    expect(parseSearchParams({ page: '-1' }).query.page).toBe(1);
    expect(parseSearchParams({ page: '-1' }).notices).toHaveLength(1);
    expect(parseSearchParams({ page: '1e9' }).query.page).toBe(10_000);
    expect(parseSearchParams({ page: 'abc' }).query.page).toBe(1);
    expect(parseSearchParams({ perPage: '1000' }).query.perPage).toBe(100);
    expect(parseSearchParams({ perPage: '0' }).query.perPage).toBe(1);
    expect(parseSearchParams({ sort: 'random' }).query.sort).toBe('relevance');
    const unknown = parseSearchParams({ colour: 'red', domain: ['', ' culture ', 'culture'] });
    expect(unknown.query.filters).toEqual({ domain: ['culture'] });
    expect(unknown.notices.join()).toContain('colour');
    expect(parseSearchParams({ q: ['a', 'b'] }).query.q).toBe('a');
  });
});

describe('searchParamsOf', () => {
  it('is the canonical inverse', () => {
    const { query } = parse('pad=yes&domain=sport&q=eau&domain=culture&page=2');
    expect(searchParamsOf(query).toString()).toBe('q=eau&domain=culture&domain=sport&pad=yes&page=2');
    expect(parse(searchParamsOf(query).toString()).query).toEqual({ ...query, filters: { domain: ['culture', 'sport'], pad: ['yes'] } });
    expect(searchParamsOf(parseSearchParams({}).query).toString()).toBe('');
  });
});
