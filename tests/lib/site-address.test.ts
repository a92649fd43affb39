import { describe, expect, test } from 'vitest';
import { pathInSite, PUBLISHED_SITE_URL, publicUrl, siteRoot, siteUrlSetting } from '../../src/publish/site-address.ts';

describe('siteUrlSetting', () => {
  test('is the published address when a build gives no SITE_URL', () => {
    expect(siteUrlSetting({})).toBe(PUBLISHED_SITE_URL);
    expect(siteUrlSetting({ SITE_URL: '  ' })).toBe(PUBLISHED_SITE_URL);
    expect(new URL(PUBLISHED_SITE_URL).protocol).toBe('https:');
  });

  test('takes SITE_URL as GitHub Pages reports it, adding the closing slash', () => {
    expect(siteUrlSetting({ SITE_URL: 'https://owner.github.io/record' })).toBe('https://owner.github.io/record/');
    expect(siteUrlSetting({ SITE_URL: 'https://judged.example' })).toBe('https://judged.example/');
  });

  test.each([
    ['/charts/', 'is not an absolute URL'],
    ['ftp://judged.example/', 'is not an http(s) address'],
    ['https://judged.example/?preview=1', 'must not have a query'],
    ['https://user:secret@judged.example/', 'credentials'],
  ])('refuses SITE_URL=%s, saying why and what to give', (value, why) => {
    expect(() => siteUrlSetting({ SITE_URL: value })).toThrow(why);
    expect(() => siteUrlSetting({ SITE_URL: value })).toThrow(`e.g. ${PUBLISHED_SITE_URL}`);
  });
});

describe('publicUrl', () => {
  test('joins a path from the site’s root to the public address, keeping its path', () => {
    expect(publicUrl('charts/grades/', 'https://owner.github.io/record/')).toBe('https://owner.github.io/record/charts/grades/');
    expect(publicUrl('/documents/x/', new URL('https://owner.github.io/record/'))).toBe('https://owner.github.io/record/documents/x/');
    expect(publicUrl('', 'https://owner.github.io/record')).toBe('https://owner.github.io/record/');
  });

  test('fails with the fix when Astro has no site', () => {
    expect(() => siteRoot(undefined)).toThrow('astro.config.mjs must set it');
  });
});

describe('pathInSite', () => {
  test('takes the build’s base off a served path', () => {
    expect(pathInSite('/record/charts/grades/', '/record/')).toBe('charts/grades/');
    expect(pathInSite('/charts/grades/', '/')).toBe('charts/grades/');
    expect(pathInSite('/', '/')).toBe('');
  });
});
