// Short names for the generated OpenAPI types the console uses.
import type { components as WorkOrders } from './types/workorders';
import type { components as Directory } from './types/directory';
import type { components as Notifications } from './types/notifications';

type W = WorkOrders['schemas'];
type D = Directory['schemas'];
type N = Notifications['schemas'];

export type WorkOrderSummary = W['WorkOrderSummary'];
export type WorkOrderDetail = W['WorkOrderDetail'];
export type WorkOrderStatus = W['WorkOrderStatus'];
export type WorkOrderPriority = W['WorkOrderPriority'];
export type WorkOrderCategory = W['WorkOrderCategory'];
export type IntakeChannel = W['IntakeChannel'];
export type SubmitWorkOrderRequest = W['SubmitWorkOrderRequest'];
export type Board = W['Board'];
export type BoardItem = W['BoardItem'];
export type Engineer = W['EngineerView'];
export type WorkOrderPage = W['PageOfWorkOrderSummary'];
export type Me = D['MeView'];
export type Unit = D['UnitView'];
export type UnitPage = D['PageOfUnitView'];
export type Occupancy = D['OccupancyView'];
export type OccupancyPage = D['PageOfOccupancyView'];
export type OccupantPage = D['PageOfOccupantSummary'];
export type PropertyPage = D['PageOfPropertyView'];
export type InboxEntry = N['InboxEntryView'];
export type InboxPage = N['PageOfInboxEntryView'];
export type UnreadCount = N['UnreadCount'];
export type MarkedRead = N['MarkedRead'];

export const statuses: WorkOrderStatus[] = [
  'submitted', 'dispatched', 'accepted', 'in_progress', 'on_hold', 'completed', 'followed_up', 'closed', 'reopened', 'cancelled',
];
export const priorities: WorkOrderPriority[] = ['emergency', 'high', 'normal', 'low'];
export const categories: WorkOrderCategory[] = ['plumbing', 'electrical', 'hvac', 'doors_and_locks', 'lifts', 'cleaning', 'other'];
