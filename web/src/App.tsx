import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, setApiLanguage } from './api/client';
import { SessionProvider, useSession } from './auth/session';
import { Shell } from './components/Shell';
import { SignInPage } from './pages/SignIn';
// Each screen is its own chunk, loaded when first opened: the first paint needs only the shell and the sign-in page.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
const BoardPage = page(() => import('./pages/Board'), 'BoardPage');
const IntakePage = page(() => import('./pages/Intake'), 'IntakePage');
const OrderListPage = page(() => import('./pages/OrderList'), 'OrderListPage');
const OrderDetailPage = page(() => import('./pages/OrderDetail'), 'OrderDetailPage');
const EngineerOrdersPage = page(() => import('./pages/EngineerOrders'), 'EngineerOrdersPage');
const PortalPage = page(() => import('./pages/Portal'), 'PortalPage');
const PortalNewPage = page(() => import('./pages/Portal'), 'PortalNewPage');
const InboxPage = page(() => import('./pages/Inbox'), 'InboxPage');
const StatisticsPage = page(() => import('./pages/Statistics'), 'StatisticsPage');
const PatrolsPage = page(() => import('./pages/Patrols'), 'PatrolsPage');
const PatrolWalkPage = page(() => import('./pages/PatrolWalk'), 'PatrolWalkPage');
const PatrolRecordPage = page(() => import('./pages/PatrolRecord'), 'PatrolRecordPage');
const OversightPage = page(() => import('./pages/Oversight'), 'OversightPage');
const AdminPage = page(() => import('./pages/admin/Admin'), 'AdminPage');
const ComplaintListPage = page(() => import('./pages/complaints/ComplaintList'), 'ComplaintListPage');
const ComplaintIntakePage = page(() => import('./pages/complaints/ComplaintIntake'), 'ComplaintIntakePage');
const ComplaintDetailPage = page(() => import('./pages/complaints/ComplaintDetail'), 'ComplaintDetailPage');
const SuggestionsPage = page(() => import('./pages/complaints/Suggestions'), 'SuggestionsPage');
const ComplaintAnalysisPage = page(() => import('./pages/complaints/ComplaintAnalysis'), 'ComplaintAnalysisPage');
const VisitorsPage = page(() => import('./pages/reception/Visitors'), 'VisitorsPage');
const LostFoundPage = page(() => import('./pages/reception/LostFound'), 'LostFoundPage');
const KeysPage = page(() => import('./pages/reception/Keys'), 'KeysPage');
const BillRunsPage = page(() => import('./pages/billing/BillRuns'), 'BillRunsPage');
const BillsPage = page(() => import('./pages/billing/Bills'), 'BillsPage');
const CashDeskPage = page(() => import('./pages/billing/CashDesk'), 'CashDeskPage');
const ArrearsPage = page(() => import('./pages/billing/Arrears'), 'ArrearsPage');
const MyBillsPage = page(() => import('./pages/billing/MyBills'), 'MyBillsPage');
const DepositsPage = page(() => import('./pages/billing/Deposits'), 'DepositsPage');
const CashDayPage = page(() => import('./pages/billing/CashDay'), 'CashDayPage');
const MeterReadingsPage = page(() => import('./pages/billing/MeterReadings'), 'MeterReadingsPage');
const ReceiptsPage = page(() => import('./pages/billing/Receipts'), 'ReceiptsPage');
const FollowUpsPage = page(() => import('./pages/complaints/FollowUps'), 'FollowUpsPage');
const PortalComplaintsPage = page(() => import('./pages/complaints/PortalComplaints'), 'PortalComplaintsPage');
const DeskPage = page(() => import('./pages/reception/Desk'), 'DeskPage');
const GatePage = page(() => import('./pages/reception/Gate'), 'GatePage');
const PortalVisitorsPage = page(() => import('./pages/reception/PortalVisitors'), 'PortalVisitorsPage');
const PortalExitPassesPage = page(() => import('./pages/reception/PortalExitPasses'), 'PortalExitPassesPage');
const InspectionsPage = page(() => import('./pages/reception/Inspections'), 'InspectionsPage');
const PortalLostFoundPage = page(() => import('./pages/reception/PortalLostFound'), 'PortalLostFoundPage');
const NotificationPreferencesPage = page(() => import('./pages/notifications/Preferences'), 'PreferencesPage');
const DeliveriesPage = page(() => import('./pages/notifications/Deliveries'), 'DeliveriesPage');
const WebhooksPage = page(() => import('./pages/notifications/Webhooks'), 'WebhooksPage');
const RoutingPage = page(() => import('./pages/notifications/Routing'), 'RoutingPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; only network and server errors are retried.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

function Home() {
  const { has, isDesk } = useSession();
  if (isDesk) return <Navigate to="/board" replace />;
  if (has('engineer')) return <Navigate to="/my-orders" replace />;
  if (has('occupant')) return <Navigate to="/portal" replace />;
  if (has('security')) return <Navigate to="/patrols" replace />;
  if (has('finance')) return <Navigate to="/billing/cash-desk" replace />;
  return <Navigate to="/inbox" replace />;
}

function Loading() {
  return <div style={{ display: 'grid', placeItems: 'center', height: '100%' }}><Spin size="large" /></div>;
}

export function App() {
  const { i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  dayjs.locale(english ? 'en' : 'zh-cn');
  setApiLanguage(english ? 'en' : 'zh-CN');
  return (
    <ConfigProvider
      locale={english ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, fontSize: 14 } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider signIn={<SignInPage />} loading={<Loading />}>
              <Routes>
                <Route element={<Shell />}>
                  <Route index element={<Home />} />
                  <Route path="board" element={<BoardPage />} />
                  <Route path="intake" element={<IntakePage />} />
                  <Route path="orders" element={<OrderListPage />} />
                  <Route path="orders/:id" element={<OrderDetailPage />} />
                  <Route path="my-orders" element={<EngineerOrdersPage />} />
                  <Route path="portal" element={<PortalPage />} />
                  <Route path="portal/new" element={<PortalNewPage />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="statistics" element={<StatisticsPage />} />
                  <Route path="patrols" element={<PatrolsPage />} />
                  <Route path="patrols/:id/walk" element={<PatrolWalkPage />} />
                  <Route path="patrols/records/:id" element={<PatrolRecordPage />} />
                  <Route path="oversight" element={<OversightPage />} />
                  <Route path="admin" element={<AdminPage />} />
                  <Route path="complaints" element={<ComplaintListPage />} />
                  <Route path="complaints/new" element={<ComplaintIntakePage />} />
                  <Route path="complaints/:id" element={<ComplaintDetailPage />} />
                  <Route path="suggestions" element={<SuggestionsPage />} />
                  <Route path="complaint-analysis" element={<ComplaintAnalysisPage />} />
                  <Route path="follow-ups" element={<FollowUpsPage />} />
                  <Route path="portal/complaints" element={<PortalComplaintsPage />} />
                  <Route path="visitors" element={<VisitorsPage />} />
                  <Route path="lost-found" element={<LostFoundPage />} />
                  <Route path="keys" element={<KeysPage />} />
                  <Route path="billing/runs" element={<BillRunsPage />} />
                  <Route path="billing/bills" element={<BillsPage />} />
                  <Route path="billing/cash-desk" element={<CashDeskPage />} />
                  <Route path="billing/arrears" element={<ArrearsPage />} />
                  <Route path="billing/deposits" element={<DepositsPage />} />
                  <Route path="billing/cash-day" element={<CashDayPage />} />
                  <Route path="billing/meter-readings" element={<MeterReadingsPage />} />
                  <Route path="billing/receipts" element={<ReceiptsPage />} />
                  <Route path="portal/bills" element={<MyBillsPage />} />
                  <Route path="reception-desk" element={<DeskPage />} />
                  <Route path="gate" element={<GatePage />} />
                  <Route path="portal/visitors" element={<PortalVisitorsPage />} />
                  <Route path="portal/exit-passes" element={<PortalExitPassesPage />} />
                  <Route path="portal/lost-found" element={<PortalLostFoundPage />} />
                  <Route path="inspections" element={<InspectionsPage />} />
                  <Route path="notifications/preferences" element={<NotificationPreferencesPage />} />
                  <Route path="notifications/deliveries" element={<DeliveriesPage />} />
                  <Route path="notifications/webhooks" element={<WebhooksPage />} />
                  <Route path="notifications/routing" element={<RoutingPage />} />
                  <Route path="*" element={<Navigate to="/" replace />} />
                </Route>
              </Routes>
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
