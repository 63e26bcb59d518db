// Texts of the access cards, blocklist, vehicle register, the gate's partial release and the occupant's visitor and
// exit-pass screens (zh-CN default, English), added to the console's i18n resources.
import i18n from '../../i18n';

const zh = {
  nav: { myVisitors: '我的访客', myExitPasses: '出门条申请', myLostFound: '失物招领', inspections: '空置房巡查' },
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
  inspections: {
    title: '空置房巡查', tab: '空置房巡查', record: '登记巡查', kind: '巡查类型', kinds: { weekly_area: '每周分区巡查', full: '20日全面检查' },
    fullHint: '全面检查在每月20日进行，检查全部空置房', area: '区域', on: '巡查日期', inspector: '巡查人', findings: '发现的问题', none: '未发现问题',
    unit: '房号', finding: '问题', raiseOrder: '报修（选择类别即生成工单）', noOrder: '不报修', addFinding: '添加问题', removeFinding: '删除',
    notes: '备注', orderAsked: '已报修', recorded: '巡查已登记，报修 {{count}} 项',
  },
  portalLost: {
    title: '失物招领', notice: '招领启事', empty: '目前没有待认领的物品', foundOn: '拾获日期', place: '拾获地点', keptUntil: '保管至',
    mine: '这是我的', request: '认领申请', description: '物品特征（颜色、品牌、内有何物等）', placeLost: '遗失地点', phone: '联系电话',
    requested: '已提交，请携带身份证件到前台领取', myClaims: '我的认领', noClaims: '还没有认领申请', asked: '已申请',
    statusValues: { waiting: '待到前台领取', handed_over: '已领取', closed: '已结束（物品已由他人领取或已处置）' },
  },
};

const en = {
  nav: { myVisitors: 'My visitors', myExitPasses: 'Exit passes', myLostFound: 'Lost and found', inspections: 'Vacant unit inspections' },
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
  inspections: {
    title: 'Vacant unit inspections', tab: 'Inspections', record: 'Record an inspection', kind: 'Kind',
    kinds: { weekly_area: 'Weekly area round', full: 'Full inspection (20th)' }, fullHint: 'The full inspection of every vacant unit is on the 20th',
    area: 'Area', on: 'Inspected on', inspector: 'Inspector', findings: 'Findings', none: 'Nothing found', unit: 'Unit', finding: 'Finding',
    raiseOrder: 'Work order (pick a category to raise one)', noOrder: 'No work order', addFinding: 'Add a finding', removeFinding: 'Remove',
    notes: 'Notes', orderAsked: 'Work order asked', recorded: 'Inspection recorded; {{count}} work orders asked',
  },
  portalLost: {
    title: 'Lost and found', notice: 'Found items', empty: 'No found items are waiting for their owners', foundOn: 'Found on', place: 'Found at',
    keptUntil: 'Kept until', mine: 'This is mine', request: 'Claim request', description: 'Describe it (colour, brand, contents…)',
    placeLost: 'Where you lost it', phone: 'Phone', requested: 'Sent; bring your ID to the front desk to collect it', myClaims: 'My claims',
    noClaims: 'No claims yet', asked: 'Requested',
    statusValues: { waiting: 'Collect at the front desk', handed_over: 'Collected', closed: 'Closed (claimed by someone else or disposed of)' },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
