import { describe, expect, it } from 'vitest';
import { availableComplaintActions, closeNeedsReason } from './actions';

const complaint = (status: Parameters<typeof availableComplaintActions>[0]['status'], more: object = {}) =>
  ({ status, unitId: 'u1', justified: null, compensation: null, escalatedTo: null, ...more });

describe('availableComplaintActions', () => {
  it('offers the front desk the investigation of a received complaint, not closing it', () => {
    const actions = availableComplaintActions(complaint('received'), ['frontdesk']);
    expect(actions).toContain('investigate');
    expect(actions).toContain('commit-reply-time');
    expect(actions).not.toContain('respond');
    expect(actions).not.toContain('close');
  });

  it('lets a manager close an unresolved complaint but the desk only after satisfied feedback', () => {
    expect(availableComplaintActions(complaint('investigating'), ['manager'])).toContain('close');
    expect(availableComplaintActions(complaint('investigating'), ['frontdesk'])).not.toContain('close');
    expect(availableComplaintActions(complaint('feedback'), ['frontdesk'])).toContain('close');
    expect(availableComplaintActions(complaint('closed'), ['manager'])).toEqual(['reopen']);
  });

  it('asks for a work order only on a complaint about a unit', () => {
    expect(availableComplaintActions(complaint('investigating'), ['frontdesk'])).toContain('work-orders');
    expect(availableComplaintActions(complaint('investigating', { unitId: null }), ['frontdesk'])).not.toContain('work-orders');
  });

  it('offers compensation to a manager on a justified answer, once', () => {
    expect(availableComplaintActions(complaint('responded', { justified: true }), ['manager'])).toContain('compensation');
    expect(availableComplaintActions(complaint('responded', { justified: false }), ['manager'])).not.toContain('compensation');
    expect(availableComplaintActions(complaint('responded', { justified: true }), ['supervisor'])).not.toContain('compensation');
    expect(availableComplaintActions(complaint('responded', { justified: true, compensation: { amount: 100 } }), ['manager'])).not.toContain('compensation');
  });

  it('does not escalate past the manager, and offers admins and occupants no desk steps', () => {
    expect(availableComplaintActions(complaint('received', { escalatedTo: 'manager' }), ['frontdesk'])).not.toContain('escalate');
    expect(availableComplaintActions(complaint('received'), ['admin'])).toEqual([]);
  });
});

describe('closeNeedsReason', () => {
  it('needs no reason after satisfied feedback only', () => {
    expect(closeNeedsReason('feedback')).toBe(false);
    expect(closeNeedsReason('responded')).toBe(true);
  });
});
