import { CheckCircleFilled, CloseCircleFilled, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Progress, Select, Skeleton, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, getJson, send } from '../api/client';
import { getAll } from '../api/pages';
import { problemMessage } from '../api/problem';
import { missing, recordRequest, type Answer, type PatrolRecord, type PatrolRoute } from '../api/patrols';
import { categories, priorities, type Unit } from '../api/schema';

interface Walk { startedAt: string; answers: Answer[]; index: number }

// A walk in progress survives a reload or a locked phone: it stays in this tab until it is handed in.
const storageKey = (route: PatrolRoute) => `pp.patrol.${route.id}.${route.checklistVersion}`;
function loadWalk(route: PatrolRoute): Walk | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey(route)) ?? 'null') as Walk | null;
    return stored && stored.answers.length === route.checklist.length ? stored : null;
  } catch {
    return null;
  }
}
const freshWalk = (route: PatrolRoute): Walk => ({ startedAt: dayjs().format(), answers: route.checklist.map(() => ({})), index: 0 });

function Problem({ answer, onChange, units, showErrors }: { answer: Answer; onChange: (a: Answer) => void; units: Unit[] | undefined; showErrors: boolean }) {
  const { t } = useTranslation();
  const lacks = showErrors ? missing(answer) : [];
  const status = (what: (typeof lacks)[number]) => (lacks.includes(what) ? 'error' : undefined);
  const help = (what: (typeof lacks)[number], text: string) => (lacks.includes(what) ? text : undefined);
  return (
    <Form layout="vertical" requiredMark={false} style={{ marginTop: 16 }} component="div">
      <Form.Item label={t('patrol.note')} htmlFor="patrol-note" validateStatus={status('note')} help={help('note', t('patrol.needNote'))}>
        <Input.TextArea id="patrol-note" rows={2} maxLength={500} autoFocus placeholder={t('patrol.notePlaceholder')}
          value={answer.note} onChange={(e) => onChange({ ...answer, note: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('patrol.unit')} htmlFor="patrol-unit" extra={t('patrol.unitHint')}>
        <Select id="patrol-unit" showSearch allowClear optionFilterProp="label" loading={!units} value={answer.unitId}
          onChange={(unitId) => onChange({ ...answer, unitId, category: answer.category ?? 'other', priority: answer.priority ?? 'normal' })}
          options={units?.map((u) => ({ value: u.id, label: `${u.buildingName} ${u.number}` }))} />
      </Form.Item>
      <Form.Item label={t('patrol.location')} htmlFor="patrol-location" validateStatus={status('place')} help={help('place', t('patrol.needPlace'))}>
        <Input id="patrol-location" maxLength={200} placeholder={t('patrol.locationPlaceholder')}
          value={answer.location} onChange={(e) => onChange({ ...answer, location: e.target.value })} />
      </Form.Item>
      {answer.unitId && (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Form.Item label={t('patrol.category')} htmlFor="patrol-category" validateStatus={status('category')} help={help('category', t('patrol.needCategory'))}>
            <Select id="patrol-category" value={answer.category} onChange={(category) => onChange({ ...answer, category })}
              options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
          </Form.Item>
          <Form.Item label={t('patrol.priority')} htmlFor="patrol-priority" validateStatus={status('priority')} help={help('priority', t('patrol.needPriority'))}>
            <Select id="patrol-priority" value={answer.priority} onChange={(priority) => onChange({ ...answer, priority })}
              options={priorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
        </div>
      )}
    </Form>
  );
}

export function Walking({ route, onChanged }: { route: PatrolRoute; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [restored] = useState(() => loadWalk(route));
  const [walk, setWalk] = useState<Walk>(() => restored ?? freshWalk(route));
  const [showErrors, setShowErrors] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const units = useQuery({
    queryKey: ['units', route.propertyId],
    queryFn: ({ signal }) => getAll<Unit>(`/api/directory/units?propertyId=${route.propertyId}`, signal),
    staleTime: 10 * 60_000,
  });
  useEffect(() => sessionStorage.setItem(storageKey(route), JSON.stringify(walk)), [route, walk]);

  const total = route.checklist.length;
  const { index, answers } = walk;
  const answer = answers[index];
  const done = answers.filter((a) => missing(a).length === 0).length;
  const setAnswer = (a: Answer) => setWalk({ ...walk, answers: answers.map((x, i) => (i === index ? a : x)) });
  const go = (to: number) => {
    setShowErrors(false);
    if (to >= total) setReviewing(true);
    else setWalk({ ...walk, index: Math.max(0, to) });
    window.scrollTo({ top: 0 });
  };
  const next = () => {
    if (missing(answer).length > 0) {
      setShowErrors(true);
      return;
    }
    go(index + 1);
  };
  // "OK" is the common answer: it moves straight on, so a clean round is one tap per item.
  const pass = () => {
    const answered = [...answers];
    answered[index] = { passed: true };
    setShowErrors(false);
    if (index + 1 >= total) {
      setWalk({ ...walk, answers: answered });
      setReviewing(true);
    } else setWalk({ ...walk, answers: answered, index: index + 1 });
  };
  const fail = () => setAnswer({ ...answer, passed: false });
  const restart = () => {
    setWalk(freshWalk(route));
    setReviewing(false);
  };

  const submit = async () => {
    const first = answers.findIndex((a) => missing(a).length > 0);
    if (first >= 0) {
      setReviewing(false);
      setWalk({ ...walk, index: first });
      setShowErrors(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const record = await send<PatrolRecord>(`/api/workorders/patrol-routes/${route.id}/records`,
        recordRequest(answers, Number(route.checklistVersion), walk.startedAt));
      sessionStorage.removeItem(storageKey(route));
      client.invalidateQueries({ queryKey: ['patrol-records'] });
      message.success(t('patrol.submitted'));
      navigate(`/patrols/records/${record.id}`, { replace: true });
    } catch (e) {
      // A changed checklist: the answers are for items that are no longer the route's; walk the new one.
      if (e instanceof ApiError && e.status === 409 && /checklist has changed/i.test(e.problem?.detail ?? '')) {
        sessionStorage.removeItem(storageKey(route));
        message.warning(t('patrol.changed'));
        onChanged();
      } else setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (reviewing) {
    return (
      <>
        <Card size="small" title={t('patrol.summary')}>
          <ol className="pp-review" aria-label={t('patrol.summary')}>
            {route.checklist.map((text, i) => {
              const a = answers[i];
              const ok = missing(a).length === 0;
              return (
                <li key={i}>
                  <button type="button" className="pp-review-item" onClick={() => { setReviewing(false); go(i); }}>
                    <span className="pp-review-n">{i + 1}</span>
                    <span style={{ flex: 1 }}>
                      {text}
                      {a.passed === false && a.note && <div className="pp-muted">{a.note}</div>}
                    </span>
                    {!ok ? <Tag>{t('patrol.toAnswer')}</Tag> : a.passed ? <Tag color="green">{t('patrol.passed')}</Tag> : <Tag color="red">{t('patrol.notPassed')}</Tag>}
                  </button>
                </li>
              );
            })}
          </ol>
        </Card>
        {done < total && <Alert type="warning" showIcon title={t('patrol.unanswered', { count: total - done })} style={{ marginTop: 12 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        <div className="pp-walk-nav">
          <Button size="large" icon={<LeftOutlined aria-hidden />} onClick={() => setReviewing(false)}>{t('patrol.previous')}</Button>
          <Button size="large" type="primary" loading={busy} onClick={submit} data-testid="patrol-submit">{t('patrol.submit')}</Button>
        </div>
      </>
    );
  }

  return (
    <>
      {restored && index === restored.index && <Alert type="info" showIcon title={t('patrol.resumeHint')} style={{ marginBottom: 12 }}
        action={<Button size="small" onClick={restart}>{t('patrol.discard')}</Button>} />}
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
        <span data-testid="patrol-step" style={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{t('patrol.step', { n: index + 1, total })}</span>
        <Progress percent={Math.round((done / total) * 100)} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} aria-hidden />
      </div>
      <Card style={{ marginTop: 8 }}>
        <p className="pp-walk-item" id="patrol-item">{route.checklist[index]}</p>
        <div className="pp-walk-answer" role="group" aria-labelledby="patrol-item">
          <Button size="large" block aria-pressed={answer.passed === true} type={answer.passed === true ? 'primary' : 'default'}
            icon={<CheckCircleFilled aria-hidden />} onClick={pass} className="pp-pass">{t('patrol.passed')}</Button>
          <Button size="large" block danger aria-pressed={answer.passed === false} type={answer.passed === false ? 'primary' : 'default'}
            icon={<CloseCircleFilled aria-hidden />} onClick={fail}>{t('patrol.notPassed')}</Button>
        </div>
        {showErrors && answer.passed === undefined && <div role="alert" className="pp-error-text">{t('patrol.toAnswer')}</div>}
        {answer.passed === false && <Problem answer={answer} onChange={setAnswer} units={units.data} showErrors={showErrors} />}
      </Card>
      <div className="pp-walk-nav">
        <Button size="large" icon={<LeftOutlined aria-hidden />} disabled={index === 0} onClick={() => go(index - 1)}>{t('patrol.previous')}</Button>
        <Button size="large" type={answer.passed === false ? 'primary' : 'default'} onClick={next}>
          {index + 1 === total ? t('patrol.review') : t('patrol.next')} <RightOutlined aria-hidden />
        </Button>
      </div>
    </>
  );
}

/** Walking a route on a phone, one checklist item at a time, and handing in the record. */
export function PatrolWalkPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const route = useQuery({
    queryKey: ['patrol-route', id],
    queryFn: ({ signal }) => getJson<PatrolRoute>(`/api/workorders/patrol-routes/${id}`, signal),
  });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <h1 className="pp-page-title">
        <span>{route.data?.name ?? t('patrol.title')}{route.data && <span className="pp-muted" style={{ marginLeft: 8, fontWeight: 400 }}>{route.data.area}</span>}</span>
        <Link to="/patrols"><Button type="text" size="small">{t('patrol.back')}</Button></Link>
      </h1>
      {route.error && <Alert type="error" showIcon title={problemMessage(route.error, t)} />}
      {route.isLoading && <Card><Skeleton active /></Card>}
      {route.data && <Walking key={`${route.data.id}.${route.data.checklistVersion}`} route={route.data} onChanged={() => route.refetch()} />}
    </div>
  );
}
