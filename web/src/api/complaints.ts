// Short names for the generated OpenAPI types of the Complaints service (src/api/types/complaints.ts).
import type { components } from './types/complaints';

type C = components['schemas'];

export type Complaint = C['ComplaintView'];
export type ComplaintPage = C['PageOfComplaintView'];
export type ComplaintStatus = C['ComplaintStatus'];
export type ComplaintTier = C['ComplaintTier'];
export type ComplaintCategory = C['ComplaintCategory'];
export type ComplaintChannel = C['ComplaintChannel'];
export type ReceiveComplaintRequest = C['ReceiveComplaintRequest'];
export type Suggestion = C['SuggestionView'];
export type SuggestionPage = C['PageOfSuggestionView'];
export type SuggestionStatus = C['SuggestionStatus'];
export type ComplaintStatistics = C['ComplaintStatistics'];
export type ComplaintPhoto = C['ComplaintPhotoView'];

export const complaintStatuses: ComplaintStatus[] = ['received', 'investigating', 'responded', 'feedback', 'reopened', 'closed'];
export const complaintTiers: ComplaintTier[] = ['general', 'important', 'hot', 'collective'];
// The categories a new complaint takes; older ones (service_attitude, repair_quality, environment) are only read.
export const complaintCategories: ComplaintCategory[] = [
  'engineering', 'cleaning', 'security', 'fees', 'staff_conduct', 'noise', 'parking', 'neighbours', 'other',
];
export const complaintChannels: ComplaintChannel[] = ['phone', 'walk_in', 'letter', 'email'];

// Follow-up visits (回访), their plans and questionnaires.
export type Visit = C['VisitView'];
export type VisitPage = C['PageOfVisitView'];
export type VisitPlan = C['VisitPlanView'];
export type VisitPlanPage = C['PageOfVisitPlanView'];
export type DueVisit = C['DueVisitView'];
export type DueVisitPage = C['PageOfDueVisitView'];
export type DueVisitStatus = C['DueVisitStatus'];
export type Survey = C['SurveyView'];
export type SurveyPage = C['PageOfSurveyView'];
export type SurveyResults = C['SurveyResults'];
export type FollowUpMonth = C['FollowUpMonth'];
export type RecordVisitRequest = C['RecordVisitRequest'];
