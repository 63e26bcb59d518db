import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { deskLists, splitVisits, type Visit } from './api';
import './texts';

const visit = (id: string, status: Visit['status']) => ({ id, status }) as Visit;

describe('the gate lists', () => {
  it('puts expected, on-site and departed visitors in their own lists and leaves cancelled ones out', () => {
    const lists = splitVisits([visit('a', 'expected'), visit('b', 'checked_in'), visit('c', 'checked_out'), visit('d', 'cancelled')]);

    expect(lists.expected.map((v) => v.id)).toEqual(['a']);
    expect(lists.onSite.map((v) => v.id)).toEqual(['b']);
    expect(lists.departed.map((v) => v.id)).toEqual(['c']);
  });
});

describe('the desk lists', () => {
  it('puts walk-ins waiting for their host first and leaves expired and declined ones out', () => {
    const lists = deskLists([visit('a', 'awaiting_host'), visit('b', 'expected'), visit('c', 'checked_in'), visit('d', 'expired'), visit('e', 'declined')]);

    expect(lists.awaiting.map((v) => v.id)).toEqual(['a']);
    expect(lists.expected.map((v) => v.id)).toEqual(['b']);
    expect(lists.onSite.map((v) => v.id)).toEqual(['c']);
  });
});

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('reception texts', () => {
  it('exist in Chinese and English alike', () => {
    const zh = keys(i18n.getResourceBundle('zh-CN', 'translation').reception);
    const en = keys(i18n.getResourceBundle('en', 'translation').reception);

    expect(zh.length).toBeGreaterThan(50);
    expect(en.sort()).toEqual(zh.sort());
  });

  it('show Chinese by default', () => {
    expect(i18n.t('nav.visitors', { lng: 'zh-CN' })).toBe('来访登记');
    expect(i18n.t('reception.lost.disposal.handed_to_police', { lng: 'en' })).toBe('Handed to police');
  });
});
