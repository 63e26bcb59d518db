import { describe, expect, it } from 'vitest';
import { intakeRequest } from './ComplaintIntake';

const base = { anonymous: false, channel: 'phone', category: 'noise', tier: 'general', description: ' 楼上装修噪音 ' } as const;

describe('intakeRequest', () => {
  it('sends no unit for an anonymous complaint, which would name the complainant', () => {
    const request = intakeRequest('p1', { ...base, anonymous: true, unitId: 'u1', complainantName: '  ' });
    expect(request.unitId).toBeNull();
    expect(request.complainantName).toBeNull();
    expect(request.description).toBe('楼上装修噪音');
  });

  it('sends the co-complainants with a name only for a collective complaint', () => {
    const rows = [{ name: ' 李先生 ', unit: '1202' }, { name: '', phone: '138' }];
    expect(intakeRequest('p1', { ...base, tier: 'collective', coComplainants: rows }).coComplainants)
      .toEqual([{ name: '李先生', phone: null, unit: '1202' }]);
    expect(intakeRequest('p1', { ...base, tier: 'important', coComplainants: rows }).coComplainants).toBeNull();
  });
});
