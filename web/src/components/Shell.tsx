import { BellOutlined, GlobalOutlined, LogoutOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Badge, Button, Dropdown, Menu, Select, Spin, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { signOut } from '../api/client';
import { useSession, type Role } from '../auth/session';
import { languages } from '../i18n';
import { useUnreadCount } from './inbox';
import { useLiveInbox } from './liveInbox';
import { chooseProperty, useProperty } from './useProperty';
// The domain screens' texts hold their menu labels: loaded with the menu, since the screens themselves load when opened.
import '../pages/billing/texts';
import '../pages/complaints/i18n';
import '../pages/reception/deskTexts';
import '../pages/reception/texts';
import '../pages/reception/moreTexts';
import '../pages/notifications/texts';

// `group`: shown together under one submenu, so a role with many screens still sees every entry in the bar.
interface Item { key: string; roles: Role[]; group?: string }

// What each role may do decides what the menu offers; the API refuses the rest anyway.
const items: Item[] = [
  { key: '/board', roles: ['frontdesk', 'supervisor', 'manager', 'admin'] },
  { key: '/intake', roles: ['frontdesk', 'supervisor', 'manager', 'admin'] },
  { key: '/orders', roles: ['frontdesk', 'supervisor', 'manager', 'admin'] },
  { key: '/oversight', roles: ['supervisor', 'manager', 'admin'] },
  { key: '/statistics', roles: ['supervisor', 'manager', 'admin'] },
  { key: '/admin', roles: ['manager', 'admin'] },
  // Complaints (services/Complaints/README.md "Who may call what"); investigating and answering is the desk's work.
  { key: '/complaints', roles: ['frontdesk', 'supervisor', 'manager', 'admin'] },
  // Suggestions, follow-up visits and the analysis share one 客户关系 submenu: the desk's bar is full.
  { key: '/suggestions', roles: ['frontdesk', 'supervisor', 'manager', 'admin'], group: 'nav.customerCare' },
  { key: '/follow-ups', roles: ['frontdesk', 'supervisor', 'manager', 'admin'], group: 'nav.customerCare' },
  { key: '/complaint-analysis', roles: ['supervisor', 'manager', 'admin'], group: 'nav.customerCare' },
  { key: '/my-orders', roles: ['engineer'] },
  { key: '/patrols', roles: ['security', 'engineer', 'frontdesk', 'supervisor', 'manager', 'admin'] },
  { key: '/reception-desk', roles: ['frontdesk', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/gate', roles: ['security', 'frontdesk', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/visitors', roles: ['frontdesk', 'security', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/lost-found', roles: ['frontdesk', 'security', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/keys', roles: ['frontdesk', 'security', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/inspections', roles: ['frontdesk', 'security', 'supervisor', 'manager', 'admin'], group: 'nav.frontDesk' },
  { key: '/portal', roles: ['occupant'] },
  { key: '/portal/new', roles: ['occupant'] },
  // Billing (services/Billing/README.md "Who may call what"): the cashier is finance; managers read.
  { key: '/billing/cash-desk', roles: ['finance', 'admin'], group: 'nav.finance' },
  { key: '/billing/runs', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/bills', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/arrears', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/deposits', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/cash-day', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/receipts', roles: ['finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/billing/meter-readings', roles: ['engineer', 'finance', 'manager', 'admin'], group: 'nav.finance' },
  { key: '/portal/bills', roles: ['occupant'] },
  { key: '/portal/complaints', roles: ['occupant'] },
  { key: '/portal/visitors', roles: ['occupant'] },
  { key: '/portal/exit-passes', roles: ['occupant'] },
  { key: '/portal/lost-found', roles: ['occupant'] },
  // Notifications (services/Notifications/README.md): the delivery log for support staff, webhooks for administrators.
  { key: '/notifications/deliveries', roles: ['frontdesk', 'supervisor', 'manager', 'admin'], group: 'nav.notifications' },
  { key: '/notifications/routing', roles: ['manager', 'admin'], group: 'nav.notifications' },
  { key: '/notifications/webhooks', roles: ['admin'], group: 'nav.notifications' },
];
const labels: Record<string, string> = {
  '/board': 'nav.board', '/intake': 'nav.intake', '/orders': 'nav.orders', '/statistics': 'nav.statistics', '/my-orders': 'nav.myOrders',
  '/portal': 'nav.myRepairs', '/portal/new': 'nav.newRepair',
  '/patrols': 'patrol.title', '/oversight': 'oversight.title', '/admin': 'admin.title',
  '/complaints': 'nav.complaints', '/suggestions': 'nav.suggestions', '/complaint-analysis': 'nav.complaintAnalysis',
  '/follow-ups': 'nav.followUps', '/portal/complaints': 'nav.myComplaints',
  '/reception-desk': 'nav.desk', '/gate': 'nav.gate', '/visitors': 'nav.visitors', '/lost-found': 'nav.lostFound', '/keys': 'nav.keys', '/inspections': 'nav.inspections',
  '/billing/cash-desk': 'nav.cashDesk', '/billing/runs': 'nav.billRuns', '/billing/bills': 'nav.bills', '/billing/arrears': 'nav.arrears', '/billing/deposits': 'nav.deposits', '/billing/cash-day': 'nav.cashDay', '/billing/meter-readings': 'nav.meterReadings', '/billing/receipts': 'nav.receipts',
  '/portal/bills': 'nav.myBills',
  '/portal/visitors': 'nav.myVisitors', '/portal/exit-passes': 'nav.myExitPasses', '/portal/lost-found': 'nav.myLostFound',
  '/notifications/deliveries': 'nav.deliveries', '/notifications/routing': 'nav.routing', '/notifications/webhooks': 'nav.webhooks',
};

export function Shell() {
  const { t, i18n } = useTranslation();
  const { me, has } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  useLiveInbox(i18n.language);
  const { property, properties } = useProperty();
  const mine = items.filter((i) => has(...i.roles));
  const entry = (i: Item) => ({ key: i.key, label: <Link to={i.key}>{t(labels[i.key])}</Link> });
  const menu: MenuProps['items'] = [];
  for (const item of mine) {
    if (!item.group) {
      menu.push(entry(item));
    } else if (!menu.some((m) => m?.key === item.group)) {
      menu.push({ key: item.group, label: t(item.group), children: mine.filter((i) => i.group === item.group).map(entry) });
    }
  }
  const selected = mine.map((m) => m.key).filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`)).sort((a, b) => b.length - a.length)[0];

  return (
    <div style={{ minHeight: '100%', display: 'flex', flexDirection: 'column' }}>
      <header className="pp-header">
        <Link to="/" className="pp-brand" aria-label={t('app.title')}>
          <span className="pp-brand-mark" aria-hidden>服</span>
          <span className="pp-brand-text">{property?.name ?? t('app.title')}</span>
        </Link>
        <Menu className="pp-menu" mode="horizontal" selectedKeys={selected ? [selected] : []} items={menu} />
        {properties.length > 1 && (
          <Select size="small" value={property?.id} onChange={chooseProperty} style={{ width: 140 }} aria-label="property"
            options={properties.map((p) => ({ value: p.id, label: p.name }))} />
        )}
        <Dropdown
          menu={{
            selectedKeys: [i18n.language],
            items: languages.map((l) => ({ key: l, label: t(`lang.${l}`) })),
            onClick: ({ key }) => i18n.changeLanguage(key),
          }}
        >
          <Button type="text" icon={<GlobalOutlined />} aria-label={t('lang.label')} data-testid="language">
            <span className="pp-user-name">{t(`lang.${i18n.language}`)}</span>
          </Button>
        </Dropdown>
        <Badge count={unread.data ?? 0} size="small" offset={[-6, 6]}>
          <Button type="text" icon={<BellOutlined />} aria-label={`${t('nav.inbox')} (${unread.data ?? 0})`} onClick={() => navigate('/inbox')} />
        </Badge>
        <Dropdown
          menu={{
            items: [
              { key: 'who', label: `${me.name} · ${me.roles.map((r) => t(`roles.${r}`)).join('、')}`, disabled: true },
              { type: 'divider' },
              { key: 'preferences', icon: <SettingOutlined />, label: <span data-testid="menu-preferences">{t('nav.preferences')}</span> },
              { key: 'signout', icon: <LogoutOutlined />, label: t('nav.signOut') },
            ],
            onClick: ({ key }) => {
              if (key === 'signout') signOut();
              if (key === 'preferences') navigate('/notifications/preferences');
            },
          }}
        >
          <Button type="text" aria-label={me.name} data-testid="user-menu" style={{ paddingInline: 4 }}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1677ff' }} />
            <span className="pp-user-name">{me.name}</span>
          </Button>
        </Dropdown>
      </header>
      <main className="pp-content">
        <Suspense fallback={<Spin size="large" className="pp-page-loading" />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
