// Texts of the access cards, blocklist, vehicle register, the gate's partial release and the occupant's visitor and
// exit-pass screens (zh-CN default, English), added to the console's i18n resources.
import i18n from '../../i18n';

const zh = {
  nav: { myVisitors: '我的访客', myExitPasses: '出门条申请' },
  cards: {
    tab: '出入证', issue: '发放出入证', cardNumber: '证号', holder: '持证人', holderPhone: '持证人电话', company: '施工单位',
    deposit: '押金（元）', validUntil: '有效期至', unit: '施工房号', status: '状态', issuedAt: '发放时间', returnCard: '退证退押金',
    reportLost: '挂失', lostNote: '挂失说明', issued: '已发放 {{number}}，押金已记账', returned: '已退证，押金将退还', lost: '已挂失，押金不退',
    expired: '已过期', expiredOnly: '只看过期未退', search: '搜索证号、持证人或单位',
    statusValues: { issued: '在用', returned: '已退', lost: '已挂失' },
  },
  blocklist: {
    tab: '黑名单', add: '加入黑名单', person: '姓名', phone: '电话', idNumber: '证件号码', reason: '原因（仅保安可见）',
    addedBy: '登记人', addedAt: '登记时间', lift: '解除', lifted: '已解除', added: '已加入黑名单', active: '生效中',
    needIdOrPhone: '请填写证件号码或电话',
  },
  vehicles: {
    title: '陌生车辆登记', register: '登记车辆入场', plate: '车牌', driver: '司机', driverPhone: '司机电话', host: '拜访房号',
    purpose: '事由', enteredAt: '入场', leave: '离场', left: '{{plate}} 已离场', registered: '{{plate}} 已登记入场',
    onSite: '在场车辆', none: '没有在场的登记车辆',
  },
  gateMore: {
    refusedTitle: '禁止入内', fullId: '证件号码（核对证件）', scan: '扫码或输入通行码', partly: '部分放行',
    releaseQty: '放行数量', partlyNote: '未放行部分的原因', partlyReleased: '已部分放行',
  },
  portalVisitors: {
    title: '我的访客', invite: '邀请访客', from: '到访时间', until: '离开时间', invited: '已邀请，通行码 {{code}}',
    waiting: '等待您确认的访客', confirm: '同意来访', decline: '拒绝', confirmed: '已同意', declined: '已拒绝',
    share: '分享通行证', copy: '复制', copied: '已复制', passFor: '{{name}} 的通行证', showAtGate: '到达时向门岗出示此码或告知通行码',
    cancel: '取消来访', cancelled: '已取消', cancelReason: '取消原因', empty: '还没有访客',
  },
  portalPasses: {
    title: '出门条申请', apply: '申请出门条', unit: '房号', carrier: '携物人', date: '出门日期', signer: '授权签名人',
    items: '物品', itemName: '物品名称', quantity: '数量', addItem: '添加物品', applied: '已提交，待前台核验签名', empty: '还没有出门条',
    noSigners: '此房号没有登记的授权签名人，请联系前台', photos: '物品照片（门岗核对用）',
  },
};

const en = {
  nav: { myVisitors: 'My visitors', myExitPasses: 'Exit passes' },
  cards: {
    tab: 'Access cards', issue: 'Issue a card', cardNumber: 'Card no.', holder: 'Holder', holderPhone: "Holder's phone", company: 'Company',
    deposit: 'Deposit (CNY)', validUntil: 'Valid until', unit: 'Unit', status: 'Status', issuedAt: 'Issued', returnCard: 'Return (refund)',
    reportLost: 'Report lost', lostNote: 'Note', issued: 'Card {{number}} issued; the deposit is charged', returned: 'Returned; the deposit will be refunded',
    lost: 'Reported lost; the deposit is kept', expired: 'Expired', expiredOnly: 'Expired and still out', search: 'Search number, holder or company',
    statusValues: { issued: 'Out', returned: 'Returned', lost: 'Lost' },
  },
  blocklist: {
    tab: 'Blocklist', add: 'Add to blocklist', person: 'Name', phone: 'Phone', idNumber: 'ID number', reason: 'Reason (security only)',
    addedBy: 'Added by', addedAt: 'Added', lift: 'Lift', lifted: 'Lifted', added: 'Added to the blocklist', active: 'Active',
    needIdOrPhone: 'Enter the ID number or the phone number',
  },
  vehicles: {
    title: 'Unfamiliar vehicles', register: 'Register entry', plate: 'Plate', driver: 'Driver', driverPhone: "Driver's phone", host: 'Visiting unit',
    purpose: 'Purpose', enteredAt: 'In', leave: 'Out', left: '{{plate}} left', registered: '{{plate}} registered',
    onSite: 'Vehicles on site', none: 'No registered vehicle on site',
  },
  gateMore: {
    refusedTitle: 'Entry refused', fullId: 'ID number (check the document)', scan: 'Scan or type the pass code', partly: 'Release part',
    releaseQty: 'Quantity let out', partlyNote: 'Why the rest stays', partlyReleased: 'Partly released',
  },
  portalVisitors: {
    title: 'My visitors', invite: 'Invite a visitor', from: 'Arrives', until: 'Leaves', invited: 'Invited; pass code {{code}}',
    waiting: 'Visitors waiting for your answer', confirm: 'Let in', decline: 'Decline', confirmed: 'Confirmed', declined: 'Declined',
    share: 'Share the pass', copy: 'Copy', copied: 'Copied', passFor: "{{name}}'s pass", showAtGate: 'Show this code at the gate or tell the guard the pass code',
    cancel: 'Cancel visit', cancelled: 'Cancelled', cancelReason: 'Reason', empty: 'No visitors yet',
  },
  portalPasses: {
    title: 'Exit passes', apply: 'Apply for an exit pass', unit: 'Unit', carrier: 'Carried by', date: 'Exit date', signer: 'Authorised signer',
    items: 'Items', itemName: 'Item', quantity: 'Quantity', addItem: 'Add item', applied: 'Submitted; the front desk verifies the signer', empty: 'No exit passes yet',
    noSigners: 'No authorised signer is on record for this unit; please contact the front desk', photos: 'Photos of the goods (checked at the gate)',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
