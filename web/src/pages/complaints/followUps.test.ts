import { describe, expect, it } from 'vitest';
import type { Survey } from '../../api/complaints';
import { visitBody } from './followUps';

const survey = {
  id: 's1', propertyId: 'p', title: '年度满意度调查', retired: false, createdAt: '', createdBy: { personId: 'x', name: '王芳' },
  questions: [
    { id: 'q1', sequence: 1, text: '保洁服务', kind: 'score', required: true },
    { id: 'q2', sequence: 2, text: '其他意见', kind: 'text', required: false },
  ],
} as Survey;

describe('visitBody', () => {
  it('makes one feedback item per non-empty line', () => {
    const body = visitBody('p', null, { area: ' A座 ', method: 'phone', satisfaction: 4, feedback: '楼道灯不亮\n\n  电梯异响 \n' }, undefined);
    expect(body.feedbackItems).toEqual(['楼道灯不亮', '电梯异响']);
    expect(body.area).toBe('A座');
    expect(body.surveyId).toBeNull();
    expect(body.answers).toBeNull();
  });

  it('answers score questions with a score and text questions with a text, leaving out the unanswered', () => {
    const body = visitBody('p', 'd1', { method: 'in_person', satisfaction: 5, surveyId: 's1', answers: { q1: 4, q2: ' 希望增加绿化 ' } }, survey);
    expect(body.answers).toEqual([{ questionId: 'q1', score: 4, text: null }, { questionId: 'q2', score: null, text: '希望增加绿化' }]);
    expect(body.dueVisitId).toBe('d1');
    expect(body.area).toBeNull();
    expect(visitBody('p', 'd1', { method: 'in_person', satisfaction: 5, answers: { q1: 3 } }, survey).answers).toEqual([{ questionId: 'q1', score: 3, text: null }]);
  });
});
