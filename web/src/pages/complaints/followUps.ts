import type { RecordVisitRequest, Survey } from '../../api/complaints';

export interface VisitFormValues {
  area?: string;
  method: 'in_person' | 'phone';
  satisfaction: number;
  surveyId?: string;
  answers?: Record<string, number | string | undefined>;
  notes?: string;
  /** One piece of feedback per line. */
  feedback?: string;
}

/** The visit as the API takes it: one feedback item per non-empty line; an answer per question answered, as its kind asks. */
export function visitBody(propertyId: string, dueVisitId: string | null, v: VisitFormValues, survey: Survey | undefined): RecordVisitRequest {
  const items = (v.feedback ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
  type Answer = NonNullable<RecordVisitRequest['answers']>[number];
  const answers = (survey?.questions ?? []).flatMap((q): Answer[] => {
    const given = v.answers?.[q.id];
    if (given === undefined || given === null || given === '' || given === 0) return [];
    return q.kind === 'score' ? [{ questionId: q.id, score: Number(given), text: null }] : [{ questionId: q.id, score: null, text: String(given).trim() }];
  });
  return {
    propertyId, dueVisitId, unitId: null, area: dueVisitId ? null : v.area?.trim() || null, method: v.method, satisfaction: v.satisfaction,
    notes: v.notes?.trim() || null, feedbackItems: items, surveyId: survey ? survey.id : null, answers: survey ? answers : null,
  };
}
