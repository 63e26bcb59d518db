// The reception screens' texts, added to the console's i18n resources (zh-CN default, English).
import i18n from '../../i18n';

const zh = {
  nav: { frontDesk: '前台服务', visitors: '来访登记', lostFound: '失物招领', keys: '空置房钥匙' },
  reception: {
    visitors: {
      title: '来访登记', expected: '今日预约', onSite: '在场', departed: '已离开', passCode: '通行码',
      passCodePlaceholder: '输入 8 位通行码', find: '查询', checkIn: '登记入场', checkOut: '登记离场', register: '登记来访',
      notFound: '没有有效的来访使用此通行码', checkedIn: '{{name}} 已入场', checkedOut: '{{name}} 已离场', registered: '已登记，通行码 {{code}}',
      visitor: '访客', phone: '电话', unit: '拜访房号', purpose: '事由', partySize: '人数', plate: '车牌', idType: '证件类型',
      idNumber: '证件号码', window: '预约时段', arrivedAt: '入场时间', leftAt: '离场时间', empty: '暂无记录',
      status: { expected: '待到访', checked_in: '在场', checked_out: '已离开', cancelled: '已取消', awaiting_host: '待主人确认', declined: '主人拒绝', expired: '确认超时' },
    },
    idType: { resident_id_card: '居民身份证', passport: '护照', other: '其他证件' },
    lost: {
      title: '失物招领', register: '登记拾遗', photos: '物品照片', search: '搜索物品、特征或地点', foundAt: '拾获时间', item: '物品', category: '类别',
      features: '特征', place: '拾获地点', value: '估价（元）', finder: '拾获人', finderPhone: '拾获人电话', recorder: '登记人',
      valuable: '贵重物品', custody: '保管', retainUntil: '保管期至', due: '可处置', claim: '认领', dispose: '处置',
      claimant: '认领人', claimantPhone: '认领人电话', featuresVerified: '认领人准确描述了物品特征', placeVerified: '认领人准确说出了遗失地点',
      mustVerify: '须核实特征与地点', claimed: '已由 {{name}} 认领', disposed: '已处置', registered: '已登记', decision: '处置决定',
      note: '说明', dueOnly: '只看可处置', log: '保管记录', status: { held: '保管中', claimed: '已认领', disposed: '已处置' },
      categories: { general: '一般物品', document: '证件', cash: '现金', securities: '有价证券' },
      custodian: { front_desk: '前台', admin_office: '行政办公室' },
      disposal: { handed_to_police: '交公安机关', donated: '捐赠', destroyed: '销毁', sold: '变卖' },
    },
    keys: {
      title: '空置房钥匙', register: '登记钥匙', unit: '房号', label: '钥匙名称', status: '状态', holder: '借用人',
      holderPhone: '借用人电话', reason: '事由', expectedReturn: '预计归还', signOut: '借出', return: '归还', overdue: '逾期未还',
      overdueOnly: '只看逾期', signedOut: '已借给 {{name}}', returned: '已归还', registered: '已登记',
      statusValues: { available: '在册', signed_out: '已借出' }, sameDay: '须当天归还',
    },
    enquiries: {
      tab: '咨询', record: '登记咨询', receivedAt: '咨询时间', enquirer: '咨询人', phone: '电话', channel: '方式', unit: '房号（可选）',
      question: '咨询内容', answer: '答复', status: '状态', dueAt: '答复期限', overdue: '逾期未答', late: '逾期答复', respond: '答复',
      overdueOnly: '只看逾期', now: '当场答复', later: '稍后答复（约定时间）', answeredNow: '已登记并答复', owed: '已登记，须在 {{time}} 前答复',
      answered: '已答复', statusValues: { open: '待答复', answered: '已答复' }, channels: { in_person: '来访', phone: '电话', other: '其他' },
    },
    common: { ok: '确定', cancel: '取消', refresh: '刷新', actions: '操作', required: '必填' },
  },
};

const en = {
  nav: { frontDesk: 'Front desk', visitors: 'Visitors', lostFound: 'Lost and found', keys: 'Keys' },
  reception: {
    visitors: {
      title: 'Visitors', expected: 'Expected today', onSite: 'On site', departed: 'Departed', passCode: 'Pass code',
      passCodePlaceholder: '8-digit pass code', find: 'Find', checkIn: 'Check in', checkOut: 'Check out', register: 'Register a visit',
      notFound: 'No active visit has this pass code', checkedIn: '{{name}} checked in', checkedOut: '{{name}} checked out',
      registered: 'Registered, pass code {{code}}', visitor: 'Visitor', phone: 'Phone', unit: 'Host unit', purpose: 'Purpose',
      partySize: 'Party', plate: 'Plate', idType: 'ID type', idNumber: 'ID number', window: 'Expected', arrivedAt: 'Arrived',
      leftAt: 'Left', empty: 'Nothing here',
      status: { expected: 'Expected', checked_in: 'On site', checked_out: 'Departed', cancelled: 'Cancelled', awaiting_host: 'Awaiting host', declined: 'Declined by host', expired: 'Expired' },
    },
    idType: { resident_id_card: 'Resident ID card', passport: 'Passport', other: 'Other' },
    lost: {
      title: 'Lost and found', register: 'Register a found item', photos: 'Photos', search: 'Search item, features or place', foundAt: 'Found at',
      item: 'Item', category: 'Category', features: 'Features', place: 'Place found', value: 'Estimated value (CNY)', finder: 'Finder',
      finderPhone: 'Finder phone', recorder: 'Recorded by', valuable: 'Valuable', custody: 'Custody', retainUntil: 'Kept until',
      due: 'Due for disposal', claim: 'Claim', dispose: 'Dispose', claimant: 'Claimant', claimantPhone: 'Claimant phone',
      featuresVerified: 'The claimant described the features', placeVerified: 'The claimant named the place it was lost',
      mustVerify: 'Features and place must be verified', claimed: 'Claimed by {{name}}', disposed: 'Disposed of', registered: 'Registered',
      decision: 'Decision', note: 'Note', dueOnly: 'Due for disposal only', log: 'Custody log',
      status: { held: 'Held', claimed: 'Claimed', disposed: 'Disposed' },
      categories: { general: 'General', document: 'Document', cash: 'Cash', securities: 'Securities' },
      custodian: { front_desk: 'Front desk', admin_office: 'Admin office' },
      disposal: { handed_to_police: 'Handed to police', donated: 'Donated', destroyed: 'Destroyed', sold: 'Sold' },
    },
    keys: {
      title: 'Keys of vacant units', register: 'Register a key', unit: 'Unit', label: 'Key', status: 'Status', holder: 'Holder',
      holderPhone: 'Holder phone', reason: 'Reason', expectedReturn: 'Expected back', signOut: 'Sign out', return: 'Return',
      overdue: 'Overdue', overdueOnly: 'Overdue only', signedOut: 'Signed out to {{name}}', returned: 'Returned', registered: 'Registered',
      statusValues: { available: 'In register', signed_out: 'Signed out' }, sameDay: 'Back the same day',
    },
    enquiries: {
      tab: 'Enquiries', record: 'Record an enquiry', receivedAt: 'Received', enquirer: 'Enquirer', phone: 'Phone', channel: 'By', unit: 'Unit (optional)',
      question: 'Question', answer: 'Answer', status: 'Status', dueAt: 'Answer due', overdue: 'Overdue', late: 'Answered late', respond: 'Answer',
      overdueOnly: 'Overdue only', now: 'Answered now', later: 'Answer later (by a time)', answeredNow: 'Recorded and answered', owed: 'Recorded; answer due by {{time}}',
      answered: 'Answered', statusValues: { open: 'Waiting', answered: 'Answered' }, channels: { in_person: 'In person', phone: 'Phone', other: 'Other' },
    },
    common: { ok: 'OK', cancel: 'Cancel', refresh: 'Refresh', actions: 'Actions', required: 'Required' },
  },
};

// Field names of the reception APIs' 400s, as problemMessage shows them.
const zhFields = {
  visitorName: '访客姓名', visitorPhone: '访客电话', idType: '证件类型', idNumber: '证件号码', purpose: '事由', partySize: '人数',
  expectedFrom: '预约开始', expectedUntil: '预约结束', item: '物品', features: '特征', place: '地点', finderName: '拾获人',
  estimatedValue: '估价', foundAt: '拾获时间', claimantName: '认领人', decision: '处置决定', label: '钥匙名称', holderName: '借用人',
  expectedReturnAt: '预计归还时间', plateNumber: '车牌',
};

i18n.addResourceBundle('zh-CN', 'translation', { ...zh, fields: zhFields }, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
