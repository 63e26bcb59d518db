// The billing screens' texts, added to the console's i18n resources (zh-CN default, English).
import i18n from '../../i18n';

const zh = {
  nav: { finance: '财务', billRuns: '账单生成', bills: '账单查询', cashDesk: '收银台', arrears: '欠费账龄', myBills: '我的账单', deposits: '押金', cashDay: '日清日缴', meterReadings: '抄表', receipts: '收款记录' },
  billing: {
    item: { property_service: '物业服务费', parking: '车位费', water: '水费', electricity: '电费', paid_service: '特约服务费', late_fee: '滞纳金' },
    lineStatus: { open: '未结清', settled: '已结清' },
    method: { cash: '现金', bank_transfer: '银行转账', card: '刷卡', online: '线上支付' },
    unitType: { office: '办公', shop: '商铺', clubhouse: '会所', storage: '储藏室', residence: '住宅', parking_space: '车位' },
    columns: {
      building: '楼栋', unit: '房号', period: '所属期间', item: '收费项目', description: '摘要', amount: '金额', paid: '已收', open: '未收',
      dueDate: '应缴日期', status: '状态', lines: '条数', total: '合计', area: '计费面积（㎡）', days: '计费天数', type: '类型', reason: '原因',
    },
    run: {
      title: '账单生成', period: '账期', preview: '预览', commit: '确认开具', commitConfirm: '确认开具 {{period}} 的 {{count}} 条账单，共 {{total}}？',
      committed: '已开具 {{count}} 条账单，共 {{total}}', nothingToIssue: '本期账单均已开具，没有新账单', dueDate: '应缴日期', toIssue: '将开具',
      issued: '本次开具', alreadyBilled: '此前已开具', skipped: '未计费单元', byBuilding: '按楼栋合计', byItem: '按收费项目合计', lines: '账单明细',
      skip: { noRate: '该类型单元在账期首日没有生效的物业服务费标准', notHeld: '本账期内未被业户占用', zero: '计费为零（无计费面积或费率为零）' },
      hint: '先预览本期将开具的账单；确认后开具，重复开具不会产生新账单。', previewOnly: '你只能预览，开具由财务部确认。', stale: '预览之后账期或数据可能已变化，请重新预览。',
    },
    bills: { title: '账单查询', total: '共 {{total}} 条', reset: '清除筛选', empty: '没有符合条件的账单', allStatuses: '全部状态', notice: '付款通知书', noticeTitle: '付款通知书 {{unit}}' },
    receipts: {
      title: '收款记录 / 收据', day: '收款日', onlyMine: '只看我的', allMethods: '全部付款方式', allReceipts: '全部收据', valid: '有效', voided: '作废',
      number: '收据号', paidAt: '收款时间', payer: '交款人', cashier: '收款人', print: '打印', view: '查看', total: '共 {{total}} 张', empty: '没有符合条件的收据',
    },
    lateFee: { due: '滞纳金（未计收）', hint: '逾期账单按收费标准计算的滞纳金，下次账单生成时计收' },
    desk: {
      title: '收银台', find: '查找房号 / 业户 / 电话', findPlaceholder: '输入房号、业户名称或电话号码', noMatch: '没有找到匹配的房号或业户',
      pick: '请选择房号，查看未缴账单并收款。', outstanding: '欠缴合计', credit: '预收款余额', openLines: '未缴账单（按到期先后）', noOpen: '没有未缴账单',
      history: '已结清账单', take: '收款', amount: '收款金额（元）', words: '大写：', method: '付款方式', payer: '交款人', submit: '确认收款 (Ctrl+Enter)',
      badAmount: '请输入大于 0 的金额，最多两位小数', payAll: '全部结清', willPay: '本次', willCredit: '多收 {{amount}} 将存为预收款',
      received: '已收款，收据 {{number}}', duplicate: '这笔收款此前已提交（同一请求只收一次），显示原收据。',
      recent: '本次登录的收据', recentHint: '冲正或作废请在此选择收据', noRecent: '本次登录还没有收款',
    },
    receipt: {
      title: '收据', number: '编号', paidAt: '收款日期', unit: '房号', payer: '交款人', method: '付款方式', cashier: '收款人',
      amount: '合计金额', words: '合计人民币（大写）', credit: '预收款', creditNote: '留作以后账单', lines: '收费明细', print: '打印收据', close: '关闭',
      void: '作废收据', reverse: '冲正收款', reason: '原因', reasonRequired: '请填写原因', voided: '作废', voidedBy: '{{name}} 于 {{time}} 作废：{{reason}}',
      voidConfirm: '作废后收据编号保留并标记作废，这笔收款冲正，所缴账单重新变为未缴。', reverseConfirm: '冲正后收款作废（不删除），所缴账单重新变为未缴，收据同时作废。',
      voidDone: '收据 {{number}} 已作废', reverseDone: '收款已冲正，收据 {{number}} 已作废', printTitle: '打印预览',
    },
    arrears: {
      title: '欠费账龄', asOf: '截至', export: '导出 CSV', total: '欠费合计', oldest: '最早到期', units: '欠费单元',
      days0To30: '0–30 天', days31To90: '31–90 天', days91To180: '91–180 天', over180Days: '180 天以上', none: '没有欠费',
      rate: '收缴率', ratePeriod: '账期', billed: '应收', collected: '实收', outstanding: '未收', noBills: '该账期没有账单', open: '收款',
    },
    depositKind: { access_card: '出入证押金', renovation: '装修押金', other: '其他押金' },
    depositStatus: { held: '在押', closed: '已结清', owed: '待收取', cancelled: '已取消', refund_due: '待退还' },
    depositStep: { taken: '收取', refunded: '退还', forfeited: '扣除' },
    deposits: {
      title: '押金', take: '收取押金', kind: '押金类型', holder: '业户', notHolder: '（非业户）', payerRequired: '请填写交款人',
      refund: '退还', forfeit: '扣除', held: '在押余额', amount: '收取金额', refunded: '已退还', forfeited: '已扣除', takenAt: '收取时间',
      at: '时间', step: '步骤', by: '经办人', ofUnit: '本单元押金', ofProperty: '本项目押金', onlyHeld: '在押', all: '全部', none: '没有押金',
      balances: '按业户的押金余额', totalHeld: '在押合计', count: '笔数', overHeld: '不能超过在押余额 {{amount}}',
      takeOwed: '收取', takeOwedTitle: '收取出入证押金 {{card}}', cardLost: '出入证已挂失，收取后押金即扣除', card: '出入证',
      forfeitHint: '例如：装修损坏公共部位，扣除修复费用', takenDone: '已收取押金 {{amount}}', refundDone: '已退还 {{amount}}', forfeitDone: '已扣除 {{amount}}',
    },
    cashDay: {
      title: '日清日缴', day: '收款日', cashier: '收款员', receipts: '现金收据', deposits: '现金押金', receiptsTotal: '现金收据金额',
      depositsIn: '收取押金', depositsOut: '退还押金', expected: '应缴现金', counted: '实点现金（元）', difference: '差额',
      balanced: '票款相符', over: '长款 {{amount}}', short: '短款 {{amount}}', close: '日结', closeConfirm: '日结后当天不能再收现金，确认日结？',
      note: '主管说明', noteRequired: '票款不符时请主管填写说明', needSupervisor: '票款不符，须由主管（经理）填写说明后日结。请主管打开本页：',
      copyLink: '复制链接', copied: '已复制', closed: '已日结', closedBy: '{{name}} 于 {{time}} 日结', slip: '现金缴款单', printSlip: '打印缴款单',
      closedDays: '近期日结记录', noReceipts: '当天没有现金收据', noDeposits: '当天没有现金押金', voided: '作废', badCount: '请输入金额（可为 0），最多两位小数',
      closedDone: '已日结，现金缴款单已生成', number: '收据号', count: '张数', otherCashier: '正在查看其他收款员的当天',
    },
    meterStatus: { accepted: '已接受', flagged: '待确认', confirmed: '已确认' },
    meters: {
      title: '抄表', entry: '录入读数', importTitle: '导入 CSV', meter: '表号', meterHint: '一户一表可不填', readOn: '抄表日期', value: '本次读数',
      previous: '上次读数', usage: '用量', record: '保存读数', badValue: '请输入读数（0 或以上，最多三位小数）', none: '本月没有读数',
      recorded: '已保存，用量 {{usage}}', flaggedDone: '已保存，用量异常待确认：{{reason}}', confirm: '确认', confirmed: '已确认读数',
      csvHint: '每行一条：楼栋,房号,项目(water/electricity),表号,抄表日期(yyyy-MM-dd),读数；首行表头会被跳过。', chooseFile: '选择文件', import: '导入',
      accepted: '接受 {{count}} 条', flagged: '待确认 {{count}} 条', refused: '拒绝 {{count}} 条', line: '行', text: '内容',
    },
    portal: {
      title: '我的账单', outstanding: '待缴', credit: '预收款余额', none: '没有账单', noUnits: '没有登记在你名下的房屋',
      payAtDesk: '请到物业服务中心收银台或通过银行转账缴费。', receipts: '我的收据',
    },
  },
  fields: { unitId: '房号', method: '付款方式', amount: '金额', payerName: '交款人', idempotencyKey: '请求编号', period: '账期', status: '状态', reason: '原因', asOf: '日期', kind: '押金类型', occupantId: '业户', counted: '实点现金', supervisorNote: '主管说明', day: '收款日', cashierId: '收款员' },
};

const en: typeof zh = {
  nav: { finance: 'Finance', billRuns: 'Bill runs', bills: 'Bills', cashDesk: 'Cash desk', arrears: 'Arrears', myBills: 'My bills', deposits: 'Deposits', cashDay: 'Daily cash close', meterReadings: 'Meter readings', receipts: 'Payments & receipts' },
  billing: {
    item: { property_service: 'Property service', parking: 'Parking', water: 'Water', electricity: 'Electricity', paid_service: 'Paid service', late_fee: 'Late fee' },
    lineStatus: { open: 'Open', settled: 'Settled' },
    method: { cash: 'Cash', bank_transfer: 'Bank transfer', card: 'Card', online: 'Online' },
    unitType: { office: 'Office', shop: 'Shop', clubhouse: 'Clubhouse', storage: 'Storage', residence: 'Residence', parking_space: 'Parking space' },
    columns: {
      building: 'Building', unit: 'Unit', period: 'Period', item: 'Fee item', description: 'Description', amount: 'Amount', paid: 'Paid', open: 'Open',
      dueDate: 'Due', status: 'Status', lines: 'Lines', total: 'Total', area: 'Area (m²)', days: 'Days', type: 'Type', reason: 'Reason',
    },
    run: {
      title: 'Bill runs', period: 'Period', preview: 'Preview', commit: 'Issue', commitConfirm: 'Issue {{count}} bills of {{period}}, {{total}} in all?',
      committed: '{{count}} bills issued, {{total}} in all', nothingToIssue: 'Every bill of this period is issued already: nothing new', dueDate: 'Due date', toIssue: 'To issue',
      issued: 'Issued now', alreadyBilled: 'Billed before', skipped: 'Units not charged', byBuilding: 'Totals by building', byItem: 'Totals by fee item', lines: 'Lines',
      skip: { noRate: 'No property-service rate for this unit type on the period\'s first day', notHeld: 'Not held by an occupant in this period', zero: 'The charge comes to nothing (no chargeable area or a zero rate)' },
      hint: 'Preview what the period would issue, then issue it; running it again issues nothing new.', previewOnly: 'You may preview; finance issues the bills.', stale: 'Things may have changed since the preview: preview again.',
    },
    bills: { title: 'Bills', total: '{{total}} lines', reset: 'Clear filters', empty: 'No bills match', allStatuses: 'All statuses', notice: 'Payment notice', noticeTitle: 'Payment notice {{unit}}' },
    receipts: {
      title: 'Payments & receipts', day: 'Day', onlyMine: 'Mine only', allMethods: 'All methods', allReceipts: 'All receipts', valid: 'Valid', voided: 'Void',
      number: 'Receipt', paidAt: 'Paid at', payer: 'Paid by', cashier: 'Cashier', print: 'Print', view: 'View', total: '{{total}} receipts', empty: 'No receipts match',
    },
    lateFee: { due: 'Late fees (not charged yet)', hint: 'Late fees of overdue lines under the fee schedule; the next bill run charges them' },
    desk: {
      title: 'Cash desk', find: 'Find unit / occupant / phone', findPlaceholder: 'Type a unit number, occupant name or phone', noMatch: 'No unit or occupant matches',
      pick: 'Choose a unit to see its open bills and take a payment.', outstanding: 'Outstanding', credit: 'Credit', openLines: 'Open bills (oldest first)', noOpen: 'Nothing open',
      history: 'Settled bills', take: 'Take a payment', amount: 'Amount (CNY)', words: 'In capitals:', method: 'Method', payer: 'Paid by', submit: 'Take payment (Ctrl+Enter)',
      badAmount: 'Enter an amount above 0 with at most two decimals', payAll: 'Pay all', willPay: 'This payment', willCredit: '{{amount}} more than owed is kept as credit',
      received: 'Payment taken, receipt {{number}}', duplicate: 'This payment was sent before (one request pays once): its receipt is shown.',
      recent: 'Receipts this session', recentHint: 'Pick a receipt here to reverse or void it', noRecent: 'No payments taken this session',
    },
    receipt: {
      title: 'Receipt', number: 'Number', paidAt: 'Paid at', unit: 'Unit', payer: 'Paid by', method: 'Method', cashier: 'Cashier',
      amount: 'Total', words: 'Total in capitals (大写)', credit: 'Credit', creditNote: 'kept for later bills', lines: 'Items', print: 'Print receipt', close: 'Close',
      void: 'Void receipt', reverse: 'Reverse payment', reason: 'Reason', reasonRequired: 'Give a reason', voided: 'VOID', voidedBy: 'Voided by {{name}} at {{time}}: {{reason}}',
      voidConfirm: 'The receipt keeps its number, marked void; its payment is reversed and the bills it paid open again.', reverseConfirm: 'The payment is reversed (never deleted), the bills it paid open again and its receipt is voided.',
      voidDone: 'Receipt {{number}} voided', reverseDone: 'Payment reversed, receipt {{number}} voided', printTitle: 'Print preview',
    },
    arrears: {
      title: 'Arrears aging', asOf: 'As of', export: 'Export CSV', total: 'Total arrears', oldest: 'Oldest due', units: 'Units in arrears',
      days0To30: '0–30 days', days31To90: '31–90 days', days91To180: '91–180 days', over180Days: 'Over 180 days', none: 'No arrears',
      rate: 'Collection rate', ratePeriod: 'Period', billed: 'Billed', collected: 'Collected', outstanding: 'Outstanding', noBills: 'Nothing billed in this period', open: 'Cash desk',
    },
    depositKind: { access_card: 'Access card deposit', renovation: 'Renovation deposit', other: 'Other deposit' },
    depositStatus: { held: 'Held', closed: 'Closed', owed: 'To take', cancelled: 'Cancelled', refund_due: 'To refund' },
    depositStep: { taken: 'Taken', refunded: 'Refunded', forfeited: 'Forfeited' },
    deposits: {
      title: 'Deposits', take: 'Take a deposit', kind: 'Kind', holder: 'Occupant', notHolder: '(not an occupant)', payerRequired: 'Name the payer',
      refund: 'Refund', forfeit: 'Forfeit', held: 'Held', amount: 'Taken', refunded: 'Refunded', forfeited: 'Forfeited', takenAt: 'Taken at',
      at: 'At', step: 'Step', by: 'By', ofUnit: 'This unit\'s deposits', ofProperty: 'Deposits in this property', onlyHeld: 'Held', all: 'All', none: 'No deposits',
      balances: 'Held per occupant', totalHeld: 'Held in all', count: 'Deposits', overHeld: 'At most what is held, {{amount}}',
      takeOwed: 'Take', takeOwedTitle: 'Take the deposit of access card {{card}}', cardLost: 'The card was reported lost: its deposit is kept once taken', card: 'Access card',
      forfeitHint: 'E.g. damage to common areas during the renovation', takenDone: 'Deposit of {{amount}} taken', refundDone: '{{amount}} refunded', forfeitDone: '{{amount}} forfeited',
    },
    cashDay: {
      title: 'Daily cash close', day: 'Day', cashier: 'Cashier', receipts: 'Cash receipts', deposits: 'Cash deposits', receiptsTotal: 'Cash receipts',
      depositsIn: 'Deposits taken', depositsOut: 'Deposits refunded', expected: 'Cash expected', counted: 'Cash counted (CNY)', difference: 'Difference',
      balanced: 'Cash and receipts match', over: 'Over by {{amount}}', short: 'Short by {{amount}}', close: 'Close the day', closeConfirm: 'A closed day takes no more cash. Close it?',
      note: 'Supervisor\'s note', noteRequired: 'A mismatch needs the supervisor\'s note', needSupervisor: 'Cash and receipts differ: a supervisor (manager) closes the day with a note. Ask them to open:',
      copyLink: 'Copy link', copied: 'Copied', closed: 'Closed', closedBy: 'Closed by {{name}} at {{time}}', slip: 'Cash remittance slip', printSlip: 'Print the slip',
      closedDays: 'Recent closes', noReceipts: 'No cash receipts this day', noDeposits: 'No cash deposits this day', voided: 'VOID', badCount: 'Enter an amount (0 allowed) with at most two decimals',
      closedDone: 'Day closed; the remittance slip is ready', number: 'Receipt', count: 'Receipts', otherCashier: 'Viewing another cashier\'s day',
    },
    meterStatus: { accepted: 'Accepted', flagged: 'To confirm', confirmed: 'Confirmed' },
    meters: {
      title: 'Meter readings', entry: 'Enter a reading', importTitle: 'Import CSV', meter: 'Meter', meterHint: 'Blank for a unit\'s only meter', readOn: 'Read on', value: 'Reading',
      previous: 'Previous', usage: 'Usage', record: 'Save reading', badValue: 'Enter a reading (0 or more, at most three decimals)', none: 'No readings this month',
      recorded: 'Saved, usage {{usage}}', flaggedDone: 'Saved; the usage looks wrong and waits for confirmation: {{reason}}', confirm: 'Confirm', confirmed: 'Reading confirmed',
      csvHint: 'One per line: building,unit,item (water/electricity),meter,readOn (yyyy-MM-dd),value; a header line is skipped.', chooseFile: 'Choose file', import: 'Import',
      accepted: '{{count}} accepted', flagged: '{{count}} to confirm', refused: '{{count}} refused', line: 'Line', text: 'Text',
    },
    portal: {
      title: 'My bills', outstanding: 'To pay', credit: 'Credit', none: 'No bills', noUnits: 'No unit is registered to you',
      payAtDesk: 'Pay at the service centre\'s cash desk or by bank transfer.', receipts: 'My receipts',
    },
  },
  fields: { unitId: 'Unit', method: 'Method', amount: 'Amount', payerName: 'Paid by', idempotencyKey: 'Request id', period: 'Period', status: 'Status', reason: 'Reason', asOf: 'Date', kind: 'Kind', occupantId: 'Occupant', counted: 'Cash counted', supervisorNote: 'Supervisor\'s note', day: 'Day', cashierId: 'Cashier' },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
