import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { isFullRelease, passCodeFrom, passPayload, releaseLines, type ExitPass } from './api';
import './moreTexts';

describe('the visitor pass', () => {
  it('carries the property and the code, and the gate reads the code back from a scan or from typing', () => {
    const payload = passPayload({ propertyId: '0193a2b4-0000-7000-8000-000000000001', passCode: '12345678' });

    expect(payload).toBe('PPVISIT:0193a2b4-0000-7000-8000-000000000001:12345678');
    expect(passCodeFrom(payload)).toBe('12345678');
    expect(passCodeFrom(' 87654321 ')).toBe('87654321');
    expect(passCodeFrom('1234567')).toBeNull();
    expect(passCodeFrom('PPVISIT:nonsense:12345678')).toBeNull();
  });
});

describe('a release at the gate', () => {
  const pass = { items: [{ sequence: 1, name: '电脑', quantity: 2 }, { sequence: 2, name: '椅子', quantity: 5 }] } as ExitPass;

  it('lets every line out in full by default', () => {
    const lines = releaseLines(pass);

    expect(lines).toEqual([{ sequence: 1, quantity: 2 }, { sequence: 2, quantity: 5 }]);
    expect(isFullRelease(pass, lines)).toBe(true);
  });

  it('leaves lines with nothing let out off and is partial when anything stays', () => {
    const lines = releaseLines(pass, { 1: 2, 2: 0 });

    expect(lines).toEqual([{ sequence: 1, quantity: 2 }]);
    expect(isFullRelease(pass, lines)).toBe(false);
  });

  it('never lets out more than the pass lists', () => {
    expect(releaseLines(pass, { 1: 9, 2: 5 })).toEqual([{ sequence: 1, quantity: 2 }, { sequence: 2, quantity: 5 }]);
  });
});

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('the texts of cards, blocklist, vehicles and the portal', () => {
  it('exist in Chinese and English alike', () => {
    for (const section of ['cards', 'blocklist', 'vehicles', 'gateMore', 'portalVisitors', 'portalPasses']) {
      const zh = keys(i18n.getResourceBundle('zh-CN', 'translation')[section]);
      const en = keys(i18n.getResourceBundle('en', 'translation')[section]);
      expect(en.sort(), section).toEqual(zh.sort());
    }
    expect(i18n.t('nav.myVisitors', { lng: 'zh-CN' })).toBe('我的访客');
  });
});
