import { describe, expect, it } from 'vitest';
import { consolePath } from './inbox';

const id = '0193a8c2-5b1e-7c3d-9f00-123456789abc';

describe('consolePath', () => {
  it('opens a work order at its page', () => {
    expect(consolePath(`/api/workorders/work-orders/${id}`)).toBe(`/orders/${id}`);
  });

  it('opens a complaint at its page for staff and at the portal for its complainant', () => {
    expect(consolePath(`/api/complaints/complaints/${id}`)).toBe(`/complaints/${id}`);
    expect(consolePath(`/api/complaints/complaints/${id}`, true)).toBe(`/portal/complaints#${id}`);
    expect(consolePath('/api/complaints/complaints')).toBe('/complaints');
    expect(consolePath('/api/complaints/visit-plans/due-visits?mine=true')).toBe('/follow-ups');
  });

  it('leads nowhere for a link it does not know', () => {
    expect(consolePath('/api/billing/bills/1')).toBeNull();
  });
});
