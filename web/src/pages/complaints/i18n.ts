// The complaint screens' texts, added to the console's resources (zh-CN default, English).
import i18n from '../../i18n';

const zh = {
  nav: { complaints: '投诉', suggestions: '合理化建议', complaintAnalysis: '投诉分析' },
  complaints: {
    title: '投诉列表', new: '受理投诉', total: '共 {{total}} 件', search: '筛选', reset: '清除筛选', empty: '暂无投诉',
    status: { received: '已受理', investigating: '调查核实', responded: '已答复', feedback: '已回访', reopened: '重新处理', closed: '已关闭' },
    tier: { general: '一般', important: '重要', hot: '热点', collective: '集体' },
    category: {
      engineering: '工程', cleaning: '保洁', security: '安全', fees: '收费', staff_conduct: '员工服务', noise: '噪音', parking: '停车',
      neighbours: '邻里', other: '其他', service_attitude: '服务态度', repair_quality: '维修质量', environment: '环境',
    },
    channel: { phone: '电话', walk_in: '来访', letter: '信函', email: '邮件', occupant_app: '业户在线' },
    escalated: { supervisor: '已上报主管', manager: '已上报经理' },
    filters: { tier: '级别', open: '仅未关闭', overdue: '仅超时', mine: '我负责的', hot: '建议定为热点', escalatedTo: '上报至' },
    columns: { number: '编号', receivedAt: '受理时间', place: '单元/地点', complainant: '投诉人', owner: '负责人', replyDue: '答复时限' },
    anonymous: '匿名', hidden: '（匿名）', overdue: '超时', approaching: '即将到期', hotProposed: '建议定为热点',
    intake: {
      title: '受理投诉', find: '单元（房号、业户姓名或电话）', findPlaceholder: '输入房号、姓名或电话', noUnit: '不涉及单元',
      anonymous: '匿名投诉', anonymousHint: '匿名投诉不记录单元；姓名电话仅负责人和经理可见',
      complainantName: '投诉人', complainantPhone: '联系电话', location: '地点', locationPlaceholder: '如：B1 车库入口、大堂',
      tierHint: '重要和集体投诉将立即上报客服经理', coComplainants: '共同投诉人', addCo: '添加共同投诉人', coName: '姓名', coPhone: '电话', coUnit: '单元',
      needCo: '集体投诉须记录共同投诉人', needWho: '请选择单元、填写投诉人，或标为匿名', submit: '受理（Ctrl+Enter）',
      submitted: '已受理投诉 {{number}}', view: '查看投诉', another: '继续受理',
    },
    detail: {
      back: '返回', description: '投诉内容', receivedBy: '受理人', owner: '负责人', investigationDue: '调查时限', replyDue: '答复时限',
      committed: '承诺答复', escalatedTo: '上报', coComplainants: '共同投诉人', answer: '答复', finding: '调查结果', actionTaken: '处理措施',
      justified: '投诉成立', unjustified: '投诉不成立', explanation: '书面说明', onTime: '按时答复', late: '超时答复',
      feedback: '投诉人意见', satisfied: '满意', unsatisfied: '不满意', compensation: '赔偿', approvedBy: '批准人',
      workOrders: '相关工单', requested: '已申请', timeline: '处理记录', system: '系统', hidden: '投诉人（匿名）', closeReason: '关闭原因', reopenCount: '重新处理次数',
    },
    wo: { submitted: '已受理', completed: '已完工', closed: '已关闭', cancelled: '已取消' },
    actions: {
      investigate: '开始调查', 'commit-reply-time': '承诺答复时间', respond: '答复', feedback: '登记投诉人意见', reopen: '重新处理', close: '关闭',
      escalate: '上报', compensation: '赔偿', 'work-orders': '生成工单', confirm: '确定', dismiss: '取消', done: '已完成',
      replyBy: '答复时间', note: '备注', finding: '调查结果', actionTaken: '处理措施', verdict: '结论', justified: '成立', unjustified: '不成立',
      explanation: '给投诉人的书面说明', explanationNeeded: '不成立的投诉也须书面说明', satisfied: '投诉人是否满意', comment: '意见',
      reason: '原因', level: '上报至', supervisor: '客服主管', manager: '客服经理', amount: '金额（元）', agreement: '赔偿协议',
      woCategory: '工单类别', woPriority: '优先级', woDescription: '维修内容', woRequested: '已申请工单，工程部受理后显示工单号',
      closeSatisfied: '投诉人已满意，可关闭', stale: '该投诉刚被他人更新，已重新加载，请核对后再操作。',
    },
  },
  suggestions: {
    title: '合理化建议', new: '登记建议', empty: '暂无建议', titleField: '标题', content: '内容', suggester: '建议人', phone: '电话',
    status: { submitted: '待决定', adopted: '已采纳', declined: '未采纳' }, decide: '决定', adopt: '采纳', decline: '不采纳', reason: '理由',
    plan: '整改方案', publishPlan: '发布整改方案', planPublished: '整改方案已发布', submittedAt: '登记时间', decidedBy: '决定人', total: '共 {{total}} 条',
  },
  analysis: {
    title: '投诉分析', month: '月份', export: '导出 CSV', received: '受理投诉', answered: '已答复', justifiedRate: '成立率',
    validRate: '有效投诉率', validTarget: '目标 < 1%（成立 ÷ 入住户数 {{units}}）', onTime: '按时答复率', reopenRate: '重新处理率',
    satisfaction: '满意率', compensation: '赔偿金额', byTier: '按级别', byCategory: '按类别', byBuilding: '按楼栋', noBuilding: '未涉及单元', count: '件数',
  },
};

const en: typeof zh = {
  nav: { complaints: 'Complaints', suggestions: 'Suggestions', complaintAnalysis: 'Complaint analysis' },
  complaints: {
    title: 'Complaints', new: 'Take a complaint', total: '{{total}} complaints', search: 'Filter', reset: 'Clear filters', empty: 'No complaints',
    status: { received: 'Received', investigating: 'Investigating', responded: 'Answered', feedback: 'Feedback given', reopened: 'Reopened', closed: 'Closed' },
    tier: { general: 'General', important: 'Important', hot: 'Hot', collective: 'Collective' },
    category: {
      engineering: 'Engineering', cleaning: 'Cleaning', security: 'Security', fees: 'Fees', staff_conduct: 'Staff conduct', noise: 'Noise', parking: 'Parking',
      neighbours: 'Neighbours', other: 'Other', service_attitude: 'Service attitude', repair_quality: 'Repair quality', environment: 'Environment',
    },
    channel: { phone: 'Phone', walk_in: 'Walk-in', letter: 'Letter', email: 'Email', occupant_app: 'Online' },
    escalated: { supervisor: 'With the supervisor', manager: 'With the manager' },
    filters: { tier: 'Tier', open: 'Open only', overdue: 'Overdue only', mine: 'Mine', hot: 'Proposed as hot', escalatedTo: 'Escalated to' },
    columns: { number: 'Number', receivedAt: 'Received', place: 'Unit / place', complainant: 'Complainant', owner: 'Owner', replyDue: 'Reply due' },
    anonymous: 'Anonymous', hidden: '(anonymous)', overdue: 'Overdue', approaching: 'Due soon', hotProposed: 'Proposed as hot',
    intake: {
      title: 'Take a complaint', find: 'Unit (number, occupant name or phone)', findPlaceholder: 'Type a unit number, name or phone', noUnit: 'No unit',
      anonymous: 'Anonymous', anonymousHint: 'An anonymous complaint names no unit; a name or phone is seen only by its owner and managers',
      complainantName: 'Complainant', complainantPhone: 'Phone', location: 'Place', locationPlaceholder: 'e.g. B1 car park entrance, lobby',
      tierHint: 'Important and collective complaints go to the manager at once', coComplainants: 'Co-complainants', addCo: 'Add a co-complainant', coName: 'Name', coPhone: 'Phone', coUnit: 'Unit',
      needCo: 'A collective complaint records its co-complainants', needWho: 'Pick a unit, name the complainant, or mark it anonymous', submit: 'Take it (Ctrl+Enter)',
      submitted: 'Complaint {{number}} taken', view: 'Open the complaint', another: 'Take another',
    },
    detail: {
      back: 'Back', description: 'Complaint', receivedBy: 'Taken by', owner: 'Owner', investigationDue: 'Investigation due', replyDue: 'Reply due',
      committed: 'Committed', escalatedTo: 'Escalated', coComplainants: 'Co-complainants', answer: 'Answer', finding: 'Finding', actionTaken: 'Action taken',
      justified: 'Justified', unjustified: 'Not justified', explanation: 'Written explanation', onTime: 'Answered on time', late: 'Answered late',
      feedback: "Complainant's view", satisfied: 'Satisfied', unsatisfied: 'Not satisfied', compensation: 'Compensation', approvedBy: 'Approved by',
      workOrders: 'Work orders', requested: 'Requested', timeline: 'History', system: 'System', hidden: 'Complainant (anonymous)', closeReason: 'Closed because', reopenCount: 'Reopened',
    },
    wo: { submitted: 'Taken', completed: 'Completed', closed: 'Closed', cancelled: 'Cancelled' },
    actions: {
      investigate: 'Start investigation', 'commit-reply-time': 'Commit a reply time', respond: 'Answer', feedback: "Record the complainant's view", reopen: 'Reopen', close: 'Close',
      escalate: 'Escalate', compensation: 'Compensation', 'work-orders': 'Raise a work order', confirm: 'OK', dismiss: 'Cancel', done: 'Done',
      replyBy: 'Reply by', note: 'Note', finding: 'Finding', actionTaken: 'Action taken', verdict: 'Verdict', justified: 'Justified', unjustified: 'Not justified',
      explanation: 'Written explanation to the complainant', explanationNeeded: 'An unjustified complaint still gets a written explanation', satisfied: 'Is the complainant satisfied?', comment: 'Comment',
      reason: 'Reason', level: 'Escalate to', supervisor: 'Supervisor', manager: 'Manager', amount: 'Amount (CNY)', agreement: 'Agreement',
      woCategory: 'Category', woPriority: 'Priority', woDescription: 'Work to do', woRequested: 'Work order requested; its number shows once Engineering takes it',
      closeSatisfied: 'The complainant is satisfied: it can be closed', stale: 'Someone else changed this complaint just now. It has been reloaded: check it and try again.',
    },
  },
  suggestions: {
    title: 'Suggestions', new: 'Record a suggestion', empty: 'No suggestions', titleField: 'Title', content: 'Content', suggester: 'Suggested by', phone: 'Phone',
    status: { submitted: 'To decide', adopted: 'Adopted', declined: 'Declined' }, decide: 'Decide', adopt: 'Adopt', decline: 'Decline', reason: 'Reason',
    plan: 'Rectification plan', publishPlan: 'Publish the plan', planPublished: 'Plan published', submittedAt: 'Recorded', decidedBy: 'Decided by', total: '{{total}} suggestions',
  },
  analysis: {
    title: 'Complaint analysis', month: 'Month', export: 'Export CSV', received: 'Received', answered: 'Answered', justifiedRate: 'Justified',
    validRate: 'Valid complaint rate', validTarget: 'Target < 1% (justified ÷ {{units}} occupied units)', onTime: 'Answered on time', reopenRate: 'Reopened',
    satisfaction: 'Satisfied', compensation: 'Compensation', byTier: 'By tier', byCategory: 'By category', byBuilding: 'By building', noBuilding: 'No unit', count: 'Complaints',
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
