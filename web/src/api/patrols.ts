import type { components } from './types/workorders';
import type { WorkOrderCategory, WorkOrderPriority } from './schema';

type W = components['schemas'];
export type PatrolRoute = W['PatrolRouteView'];
export type PatrolRoutePage = W['PageOfPatrolRouteView'];
export type PatrolRouteRequest = W['PatrolRouteRequest'];
export type PatrolRecord = W['PatrolRecordView'];
export type PatrolRecordPage = W['PageOfPatrolRecordView'];
export type PatrolRecordRequest = W['PatrolRecordRequest'];
export type PatrolAnswerRequest = W['PatrolAnswerRequest'];

/** One checklist item as the patroller answers it on the phone; `passed` stays undefined until answered. */
export interface Answer {
  passed?: boolean;
  note?: string;
  unitId?: string;
  location?: string;
  category?: WorkOrderCategory;
  priority?: WorkOrderPriority;
}

/** What an answer still lacks before the patrol can be handed in (the API's own rules, checked early on the phone). */
export function missing(answer: Answer): ('passed' | 'note' | 'place' | 'category' | 'priority')[] {
  if (answer.passed === undefined) return ['passed'];
  if (answer.passed) return [];
  const lacks: ('note' | 'place' | 'category' | 'priority')[] = [];
  if (!answer.note?.trim()) lacks.push('note');
  if (!answer.unitId && !answer.location?.trim()) lacks.push('place');
  if (answer.unitId && !answer.category) lacks.push('category');
  if (answer.unitId && !answer.priority) lacks.push('priority');
  return lacks;
}

/** The record the API takes: items numbered from 1 in checklist order; a passed item carries nothing else. */
export function recordRequest(answers: Answer[], checklistVersion: number, patrolledAt: string): PatrolRecordRequest {
  return {
    patrolledAt,
    checklistVersion,
    items: answers.map((a, i) =>
      a.passed
        ? { item: i + 1, passed: true, note: null, unitId: null, location: null, category: null, priority: null }
        : {
            item: i + 1, passed: false, note: a.note?.trim() || null, unitId: a.unitId ?? null, location: a.location?.trim() || null,
            category: a.unitId ? a.category ?? null : null, priority: a.unitId ? a.priority ?? null : null,
          },
    ),
  };
}

/** A checklist typed one item a line: blank lines and surrounding spaces dropped. */
export function checklistFromText(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
