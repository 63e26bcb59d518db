import type { Complaint, ComplaintStatus } from '../../api/complaints';

export type ComplaintAction =
  | 'investigate' | 'commit-reply-time' | 'respond' | 'feedback' | 'reopen' | 'close' | 'escalate' | 'compensation' | 'work-orders';

const desk = ['frontdesk', 'supervisor', 'manager'];
const open: ComplaintStatus[] = ['received', 'investigating', 'responded', 'feedback', 'reopened'];

// Who may take each step from which states (services/Complaints/README.md, "The life of a complaint").
const rules: { action: ComplaintAction; roles: string[]; from: ComplaintStatus[] }[] = [
  { action: 'investigate', roles: desk, from: ['received', 'reopened'] },
  { action: 'respond', roles: desk, from: ['investigating'] },
  { action: 'commit-reply-time', roles: desk, from: ['received', 'investigating', 'reopened'] },
  { action: 'feedback', roles: desk, from: ['responded'] },
  { action: 'reopen', roles: desk, from: ['responded', 'feedback', 'closed'] },
  { action: 'escalate', roles: ['frontdesk', 'supervisor'], from: open },
  { action: 'work-orders', roles: desk, from: open },
];

type Facts = Pick<Complaint, 'status' | 'unitId' | 'justified' | 'compensation' | 'escalatedTo'>;

/** The steps the caller's roles may take on the complaint as it stands now; the API still has the last word. */
export function availableComplaintActions(c: Facts, roles: string[]): ComplaintAction[] {
  const may = (allowed: string[]) => allowed.some((r) => roles.includes(r));
  const actions = rules.filter((r) => r.from.includes(c.status) && may(r.roles)).map((r) => r.action)
    // A work order belongs to a unit; one already with a manager goes no higher.
    .filter((a) => (a !== 'work-orders' || !!c.unitId) && (a !== 'escalate' || c.escalatedTo !== 'manager'));
  // After the complainant's satisfied feedback anyone at the desk closes; before it only a manager, with a reason.
  if ((c.status === 'feedback' && may(desk)) || (c.status !== 'closed' && roles.includes('manager'))) actions.push('close');
  if (roles.includes('manager') && c.justified === true && !c.compensation && ['responded', 'feedback', 'closed'].includes(c.status)) {
    actions.push('compensation');
  }
  return actions;
}

/** Closing needs a reason unless the complainant said they were satisfied. */
export function closeNeedsReason(status: ComplaintStatus): boolean {
  return status !== 'feedback';
}
