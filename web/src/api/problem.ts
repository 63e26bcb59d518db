import type { TFunction } from 'i18next';
import { ApiError } from './client';
import i18n from '../i18n';

const english = () => i18n.language.startsWith('en');

/** A stale If-Match: someone changed the order after this client read it. */
export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.status === 412 || (error.status === 409 && /changed since you read it/i.test(error.problem?.detail ?? '')))
  );
}

/** The field names of a 400's errors, as the user's labels ("items[1].note" → its first segment's label). */
function fieldLabels(errors: Record<string, string[]>, t: TFunction): string[] {
  return Object.keys(errors).map((key) => {
    const name = key.replace(/^\$\./, '').split(/[.[]/)[0];
    const camel = name.charAt(0).toLowerCase() + name.slice(1);
    return t(`fields.${camel}`, { defaultValue: camel });
  });
}

/**
 * What to tell a person about a failed call, in their language. The services write problems in English
 * for developers; the user reads a sentence chosen by status and, where it helps, the fields to fix.
 */
export function problemMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unknown', { status: '?' });
  const { status, problem } = error;
  if (status === 0) return t('errors.network');
  if (status === 400) {
    const errors = problem?.errors;
    if (errors && Object.keys(errors).length > 0) {
      const labels = [...new Set(fieldLabels(errors, t))];
      // In English the services' own sentences are clear; in Chinese the labels say what to fix.
      const detail = english()
        ? Object.entries(errors).map(([, messages]) => messages.join(' ')).join(' ')
        : labels.join('、');
      return english() ? detail : t('errors.400', { fields: detail });
    }
    return t('errors.400plain');
  }
  if (status === 401) {
    const detail = problem?.detail ?? '';
    const minutes = /in (\d+) minute/.exec(detail)?.[1];
    if (/locked/i.test(detail)) return minutes ? t('signIn.locked', { minutes }) : t('signIn.lockedSoon');
    if (/disabled/i.test(detail)) return t('signIn.disabled');
    if (/user name or password/i.test(detail)) return t('signIn.wrong');
    return t('errors.401');
  }
  if (isStale(error)) return t('errors.stale');
  if (status === 409) {
    return t('errors.409', { detail: english() ? (problem?.detail ?? problem?.title ?? '') : t('errors.invalidState') });
  }
  if ([403, 404, 413, 415, 429].includes(status)) return t(`errors.${status}`);
  if (status >= 500) return t('errors.500');
  return t('errors.unknown', { status });
}
