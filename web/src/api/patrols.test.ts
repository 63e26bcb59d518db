import { describe, expect, it } from 'vitest';
import { checklistFromText, missing, recordRequest } from './patrols';

describe('a patrol answer', () => {
  it('is not done until it is answered', () => {
    expect(missing({})).toEqual(['passed']);
    expect(missing({ passed: true })).toEqual([]);
  });

  it('needs a note and a place when it failed', () => {
    expect(missing({ passed: false })).toEqual(['note', 'place']);
    expect(missing({ passed: false, note: '  ', location: '大堂侧门' })).toEqual(['note']);
    expect(missing({ passed: false, note: '侧门未锁', location: '大堂侧门' })).toEqual([]);
  });

  it('needs the category and priority of the order a failure at a unit raises', () => {
    expect(missing({ passed: false, note: '走廊灯不亮', unitId: 'u1' })).toEqual(['category', 'priority']);
    expect(missing({ passed: false, note: '走廊灯不亮', unitId: 'u1', category: 'electrical', priority: 'high' })).toEqual([]);
  });
});

describe('the record sent', () => {
  it('numbers items from 1 and sends nothing but the answer for a passed item', () => {
    const request = recordRequest(
      [
        { passed: true, note: 'left over from a failure' },
        { passed: false, note: ' 走廊灯不亮 ', unitId: 'u1', location: '', category: 'electrical', priority: 'high' },
        { passed: false, note: '侧门未锁', location: '大堂侧门', category: 'other' },
      ],
      2, '2026-12-06T21:00:00+08:00',
    );
    expect(request.checklistVersion).toBe(2);
    expect(request.items).toEqual([
      { item: 1, passed: true, note: null, unitId: null, location: null, category: null, priority: null },
      { item: 2, passed: false, note: '走廊灯不亮', unitId: 'u1', location: null, category: 'electrical', priority: 'high' },
      // Without a unit no order is raised, so no category or priority goes with it.
      { item: 3, passed: false, note: '侧门未锁', unitId: null, location: '大堂侧门', category: null, priority: null },
    ]);
  });

  it('takes a checklist typed one item a line', () => {
    expect(checklistFromText(' 消防通道畅通 \n\n灭火器在位\r\n')).toEqual(['消防通道畅通', '灭火器在位']);
  });
});
