import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from './client';
import { isStale, problemMessage } from './problem';

const t = i18n.t.bind(i18n);

describe('problem messages', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('says the password is wrong in the user language', async () => {
    const error = new ApiError(401, { status: 401, title: 'Sign-in failed.', detail: 'The user name or password is incorrect.' });
    expect(problemMessage(error, t)).toBe('用户名或密码不正确。');
    await i18n.changeLanguage('en');
    expect(problemMessage(error, t)).toBe('The user name or password is incorrect.');
  });

  it('tells a locked account how long to wait', () => {
    const error = new ApiError(401, { detail: 'Too many wrong passwords: the account is locked. Try again in 12 minute(s).' });
    expect(problemMessage(error, t)).toBe('密码错误次数过多，账号已锁定，请 12 分钟后再试。');
  });

  it('names the fields to fix, with the labels the form shows', async () => {
    const error = new ApiError(400, { status: 400, errors: { description: ['Describe the problem.'], resumeAt: ['Must be in the future.'] } });
    expect(problemMessage(error, t)).toBe('提交的内容有误，请检查：问题描述、预计恢复时间');
    await i18n.changeLanguage('en');
    expect(problemMessage(error, t)).toBe('Describe the problem. Must be in the future.');
  });

  it('recognises a stale version as someone else having changed the order', () => {
    const error = new ApiError(409, { status: 409, detail: 'The work order changed since you read it (you sent "1", it is now "2"): reload it and try again.' });
    expect(isStale(error)).toBe(true);
    expect(problemMessage(error, t)).toBe('该工单刚刚被其他人修改，已重新加载，请确认后再操作。');
  });

  it('explains a refused transition, a lost network and a server error', () => {
    const refused = new ApiError(409, { status: 409, detail: 'A dispatched order cannot be completed.' });
    expect(isStale(refused)).toBe(false);
    expect(problemMessage(refused, t)).toBe('操作未完成：当前状态不允许此操作');
    expect(problemMessage(new ApiError(0, null), t)).toBe('无法连接服务器，请检查网络后重试。');
    expect(problemMessage(new ApiError(503, null), t)).toBe('服务器出错了，请稍后再试。');
    expect(problemMessage(new ApiError(403, null), t)).toBe('你没有权限执行此操作。');
  });
});
