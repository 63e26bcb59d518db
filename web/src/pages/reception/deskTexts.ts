// Texts of the reception desk and the gate view (zh-CN default, English), added to the console's i18n resources.
import i18n from '../../i18n';

const zh = {
  nav: { desk: '接待台', gate: '门岗' },
  desk: {
    title: '前台接待台', visitors: '访客', awaiting: '待主人确认', expected: '今日预约', onSite: '在场',
    walkIn: '登记临时访客', walkInRegistered: '已通知主人确认，通行码 {{code}}', confirmBy: '确认截止', confirm: '主人同意',
    decline: '主人拒绝', confirmed: '{{name}} 已获主人同意', declined: '主人已拒绝 {{name}}', expired: '已超时',
    stayUntil: '预计离开', exitPasses: '出门条', handover: '交接班', empty: '暂无记录',
    categoryLabel: '来访类别', categoryHint: '贵宾、政府、媒体来访将通知项目经理', overstaying: '超时未离开',
    category: { ordinary: '普通', vip: '贵宾', government: '政府', media: '媒体' },
    pass: {
      unit: '房号', carrier: '携物人', date: '出门日期', signer: '签名人', items: '物品', status: '状态', verify: '核验签名',
      reject: '退回', verified: '签名有效，已核验', rejected: '已退回', reason: '原因', search: '搜索物品、携物人或签名人',
      statusValues: { submitted: '待核验', verified: '已核验', rejected: '已退回', released: '已放行', partly_released: '部分放行', refused: '拒绝放行' },
    },
    open: {
      title: '本班未结事项', kinds: { enquiry: '待回复咨询', walk_in: '待确认访客', key: '未还钥匙', lost_item: '本班收到的拾遗' },
      overdue: '逾期', notes: '交班说明', handOver: '交班', handedOver: '已交班，共 {{count}} 项', none: '没有未结事项',
      pending: '待接班', acknowledge: '接班确认', acknowledged: '已接班', ackNotes: '接班说明', by: '交班人', at: '交班时间',
    },
  },
  gate: {
    title: '门岗', party: '{{count}} 人', passCode: '通行码', placeholder: '输入 8 位通行码', find: '查询', checkIn: '登记入场', checkedIn: '{{name}} 已入场',
    notFound: '没有有效的来访使用此通行码', waitHost: '等待主人确认，暂不能入场', exitPasses: '今日出门条', releaseAll: '全部放行',
    refuse: '拒绝放行', released: '已放行', refused: '已拒绝放行', reason: '拒绝原因', noPasses: '今日没有待放行的出门条',
  },
};

const en = {
  nav: { desk: 'Reception desk', gate: 'Gate' },
  desk: {
    title: 'Reception desk', visitors: 'Visitors', awaiting: 'Awaiting host', expected: 'Expected today', onSite: 'On site',
    walkIn: 'Register a walk-in', walkInRegistered: 'The host is asked to confirm; pass code {{code}}', confirmBy: 'Answer by',
    confirm: 'Host agrees', decline: 'Host declines', confirmed: '{{name}} confirmed by the host', declined: 'The host declined {{name}}',
    expired: 'Expired', stayUntil: 'Leaves by', exitPasses: 'Exit passes', handover: 'Handover', empty: 'Nothing here',
    categoryLabel: 'Visitor type', categoryHint: 'VIP, government and media visits are told to the manager', overstaying: 'Overstaying',
    category: { ordinary: 'Ordinary', vip: 'VIP', government: 'Government', media: 'Media' },
    pass: {
      unit: 'Unit', carrier: 'Carrier', date: 'Exit date', signer: 'Signed by', items: 'Items', status: 'Status', verify: 'Verify signer',
      reject: 'Reject', verified: 'Signer verified', rejected: 'Rejected', reason: 'Reason', search: 'Search items, carrier or signer',
      statusValues: { submitted: 'To verify', verified: 'Verified', rejected: 'Rejected', released: 'Released', partly_released: 'Partly released', refused: 'Refused' },
    },
    open: {
      title: 'Open items of this shift', kinds: { enquiry: 'Enquiry to answer', walk_in: 'Walk-in awaiting host', key: 'Key out', lost_item: 'Lost item received' },
      overdue: 'Overdue', notes: 'Handover notes', handOver: 'Hand over', handedOver: 'Handed over: {{count}} items', none: 'No open items',
      pending: 'To acknowledge', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged', ackNotes: 'Notes', by: 'Handed over by', at: 'At',
    },
  },
  gate: {
    title: 'Gate', party_one: '{{count}} person', party_other: '{{count}} people', passCode: 'Pass code', placeholder: '8-digit pass code', find: 'Find', checkIn: 'Check in', checkedIn: '{{name}} checked in',
    notFound: 'No active visit has this pass code', waitHost: 'Waiting for the host to confirm', exitPasses: "Today's exit passes",
    releaseAll: 'Release all', refuse: 'Refuse', released: 'Released', refused: 'Refused', reason: 'Reason for refusing',
    noPasses: 'No exit passes to release today',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
