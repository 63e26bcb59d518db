import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError, setApiLanguage } from './api/client';
import { SessionProvider, useSession } from './auth/session';
import { Shell } from './components/Shell';
import { SignInPage } from './pages/SignIn';
import { BoardPage } from './pages/Board';
import { IntakePage } from './pages/Intake';
import { OrderListPage } from './pages/OrderList';
import { OrderDetailPage } from './pages/OrderDetail';
import { EngineerOrdersPage } from './pages/EngineerOrders';
import { PortalPage, PortalNewPage } from './pages/Portal';
import { InboxPage } from './pages/Inbox';
import { StatisticsPage } from './pages/Statistics';
import { PatrolsPage } from './pages/Patrols';
import { PatrolWalkPage } from './pages/PatrolWalk';
import { PatrolRecordPage } from './pages/PatrolRecord';
import { OversightPage } from './pages/Oversight';
import { AdminPage } from './pages/admin/Admin';
import { ComplaintListPage } from './pages/complaints/ComplaintList';
import { ComplaintIntakePage } from './pages/complaints/ComplaintIntake';
import { ComplaintDetailPage } from './pages/complaints/ComplaintDetail';
import { SuggestionsPage } from './pages/complaints/Suggestions';
// Charts (recharts) load only with the analysis page, not with every screen.
const ComplaintAnalysisPage = lazy(() => import('./pages/complaints/ComplaintAnalysis').then((m) => ({ default: m.ComplaintAnalysisPage })));
import { VisitorsPage } from './pages/reception/Visitors';
import { LostFoundPage } from './pages/reception/LostFound';
import { KeysPage } from './pages/reception/Keys';
import { DeskPage } from './pages/reception/Desk';
import { GatePage } from './pages/reception/Gate';

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
                  <Route path="complaint-analysis" element={<Suspense fallback={<Loading />}><ComplaintAnalysisPage /></Suspense>} />
                  <Route path="visitors" element={<VisitorsPage />} />
                  <Route path="lost-found" element={<LostFoundPage />} />
                  <Route path="keys" element={<KeysPage />} />
                  <Route path="reception-desk" element={<DeskPage />} />
                  <Route path="gate" element={<GatePage />} />
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
