import { describe, expect, it } from 'vitest';
import type { Occupancy, Unit } from '../api/schema';
import { phoneMatches, searchUnits, unitChoices } from './unitSearch';

const unit = (id: string, buildingName: string, number: string) => ({ id, buildingName, number }) as Unit;
const holds = (unitId: string, occupantId: string, occupantName: string) =>
  ({ unitId, occupantId, occupantName, occupantKind: 'person' }) as Occupancy;

const choices = unitChoices(
  [unit('u1', 'A座', '1201'), unit('u2', 'B座', '1201'), unit('u3', 'A座', '305'), unit('u4', 'A座', '1205')],
  [holds('u1', 'o1', '星辰广告传媒有限公司'), holds('u3', 'o2', '张伟')],
  new Map([['o1', '010****0101'], ['o2', '138****8000']]),
);

describe('finding the unit at the desk', () => {
  it('finds by unit number, exact numbers first, in both buildings', () => {
    expect(searchUnits(choices, '1201').map((c) => c.unit.id)).toEqual(['u1', 'u2']);
    expect(searchUnits(choices, '120').map((c) => c.unit.id)).toEqual(['u1', 'u4', 'u2']);
    expect(searchUnits(choices, 'B座1201').map((c) => c.unit.id)).toEqual(['u2']);
  });

  it('finds by occupant name', () => {
    expect(searchUnits(choices, '星辰').map((c) => c.unit.id)).toEqual(['u1']);
    expect(searchUnits(choices, '张伟').map((c) => c.unit.id)).toEqual(['u3']);
  });

  it('finds by phone although lists mask it: the whole number or its last digits', () => {
    expect(searchUnits(choices, '13812348000').map((c) => c.unit.id)).toEqual(['u3']);
    expect(searchUnits(choices, '8000').map((c) => c.unit.id)).toEqual(['u3']);
    expect(phoneMatches('138****8000', '13912348000')).toBe(false);
    expect(phoneMatches('138****8000', '80')).toBe(false);
  });
});
