import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { categories, hhmm, toRequest } from './api';
import './texts';

describe('the preferences form', () => {
  it('sends quiet hours only when they are switched on and both ends are chosen', () => {
    const chosen = { language: 'en', email: ['repairs' as const], sms: [], from: '22:00', until: '07:00', timeZone: 'Asia/Shanghai' };

    expect(toRequest({ ...chosen, quiet: true }).quietHours).toEqual({ from: '22:00', until: '07:00' });
    expect(toRequest({ ...chosen, quiet: false }).quietHours).toBeNull();
    expect(toRequest({ ...chosen, quiet: true, until: null }).quietHours).toBeNull();
    expect(toRequest({ ...chosen, quiet: true }).email).toEqual(['repairs']);
  });

  it('shows the API\'s local times as hours and minutes', () => {
    expect(hhmm('22:00:00')).toBe('22:00');
    expect(hhmm(null)).toBeNull();
  });
});

describe('the notification texts', () => {
  it('name every category in Chinese and English', async () => {
    for (const category of categories) {
      await i18n.changeLanguage('zh-CN');
      const zh = i18n.t(`notify.category.${category}`);
      await i18n.changeLanguage('en');
      const en = i18n.t(`notify.category.${category}`);
      expect(zh).not.toBe(`notify.category.${category}`);
      expect(en).not.toBe(zh);
    }
    await i18n.changeLanguage('zh-CN');
  });
});
