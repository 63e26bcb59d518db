// Notifications' API as the console uses it; the types are generated from its OpenAPI document.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/client';
import type { components } from '../../api/types/notifications';

type N = components['schemas'];

export type Preferences = N['PreferencesView'];
export type PreferencesRequest = N['PreferencesRequest'];
export type Category = N['Category'];
export type Delivery = N['DeliveryView'];
export type DeliveryPage = N['PageOfDeliveryView'];
export type DeliveryStatus = N['DeliveryStatus'];
export type Webhook = N['WebhookView'];
export type WebhookPage = N['PageOfWebhookView'];
export type CreatedWebhook = N['CreatedWebhook'];
export type CreateWebhookRequest = N['CreateWebhookRequest'];
export type WebhookDelivery = N['WebhookDeliveryView'];
export type WebhookDeliveryPage = N['PageOfWebhookDeliveryView'];
export type Replayed = N['Replayed'];
export type EventType = N['EventTypeView'];
export type Route = N['RouteView'];
export type Audience = N['Audience'];
export type RouteChannel = N['RouteChannel'];
export type Template = N['TemplateView'];

export const base = '/api/notifications';
export const categories: Category[] = ['repairs', 'complaints', 'billing', 'reception'];
export const deliveryStatuses: DeliveryStatus[] = ['pending', 'held', 'sent', 'failed'];

/** "22:00:00" or "22:00" as the API writes and reads local times: the hours and minutes. */
export function hhmm(time: string | null | undefined): string | null {
  return time ? time.slice(0, 5) : null;
}

/** The preferences to save: the form's choices, quiet hours only when switched on. */
export function toRequest(form: {
  language: string; email: Category[]; sms: Category[]; quiet: boolean; from?: string | null; until?: string | null; timeZone: string;
}): PreferencesRequest {
  return {
    language: form.language,
    email: form.email,
    sms: form.sms,
    quietHours: form.quiet && form.from && form.until ? { from: form.from, until: form.until } : null,
    timeZone: form.timeZone,
  };
}

/**
 * The catalogue of event types (Notifications' /event-types, where their names are defined once): `name` shows an
 * event type as people call it in the console's language (报修已派工 / Repair dispatched), its code name while loading.
 */
export function useEventTypes() {
  const { i18n } = useTranslation();
  const types = useQuery({
    queryKey: ['notifications', 'event-types'],
    queryFn: ({ signal }) => getJson<EventType[]>(`${base}/event-types`, signal),
    staleTime: Infinity,
  });
  const english = i18n.language.startsWith('en');
  const byType = new Map((types.data ?? []).map((e) => [e.eventType, e]));
  const name = (eventType: string) => {
    const known = byType.get(eventType);
    return known ? (english ? known.nameEn : known.nameZhCn) : eventType;
  };
  return { types: types.data ?? [], name };
}
