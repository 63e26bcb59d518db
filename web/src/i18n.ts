import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { operationsEn, operationsZh } from './locales/operations';

const zh = {
  app: { title: '物业客服中心', short: '客服中心' },
  lang: { 'zh-CN': '简体中文', en: 'English', label: '语言' },
  nav: {
    board: '晨会看板', intake: '受理报修', orders: '工单列表', myOrders: '我的工单', myRepairs: '我的报修',
    newRepair: '我要报修', statistics: '月报', inbox: '消息', signOut: '退出登录',
  },
  roles: {
    occupant: '业户', frontdesk: '客服专员', supervisor: '客服主管', manager: '客服经理', engineer: '工程部',
    security: '秩序维护部', finance: '财务部', admin: '系统管理员',
  },
  signIn: {
    title: '登录', subtitle: '物业客服中心工作台', userName: '用户名', password: '密码', submit: '登录',
    wrong: '用户名或密码不正确。', locked: '密码错误次数过多，账号已锁定，请 {{minutes}} 分钟后再试。',
    lockedSoon: '密码错误次数过多，账号已锁定，请稍后再试。', disabled: '该账号已停用，请联系物业管理处。',
    expired: '登录已过期，请重新登录。',
  },
  status: {
    submitted: '已受理', dispatched: '已派单', accepted: '已接单', in_progress: '处理中', on_hold: '挂起',
    completed: '已完工', followed_up: '已回访', closed: '已关闭', reopened: '已返修', cancelled: '已取消',
  },
  priority: { emergency: '紧急', high: '高', normal: '普通', low: '低' },
  category: {
    plumbing: '给排水', electrical: '电气', hvac: '空调暖通', doors_and_locks: '门窗锁具', lifts: '电梯',
    cleaning: '保洁', other: '其他',
  },
  channel: { phone: '电话', walk_in: '来访', occupant_app: '业户报修', patrol: '巡查', complaint: '投诉' },
  board: {
    title: '晨会看板', dispatchedWithoutFeedback: '已派单未反馈', overdue: '超时', onHoldPastResumeTime: '挂起超期',
    followUpsDue: '待回访', empty: '没有待处理事项', refresh: '刷新', more: '另有 {{count}} 条',
    resumeAt: '预计恢复', followUpDue: '回访期限', dispatchedAt: '派单', waiting: '待派单（新受理 / 返修）',
  },
  order: {
    number: '工单号', unit: '房号', building: '楼栋', category: '类别', priority: '优先级', status: '状态',
    channel: '来源', description: '问题描述', location: '具体位置', contactName: '联系人', contactPhone: '联系电话',
    preferredTime: '预约时间', assignee: '处理人', takenBy: '受理人', submittedAt: '受理时间',
    responseDue: '响应时限', resolutionDue: '处理时限', overdue: '超时', approaching: '临近时限',
    timeline: '处理记录', photos: '照片', comments: '备注', addComment: '添加备注', commentPlaceholder: '写下备注，回车换行',
    hold: '挂起信息', holdReason: '挂起原因', resumeAt: '预计恢复时间', completion: '完工信息', summary: '处理结果',
    materials: '使用材料', labourMinutes: '工时（分钟）', followUp: '回访', satisfaction: '满意度', resolved: '问题已解决',
    reopenCount: '返修次数', quote: '报价', noPhotos: '暂无照片', cancelReason: '取消原因', unassigned: '未派单',
    addPhotos: '添加照片', back: '返回',
  },
  actions: {
    dispatch: '派单', accept: '接单', start: '开始处理', hold: '挂起', resume: '恢复处理', complete: '完工',
    'follow-up': '回访', close: '关闭', cancel: '取消工单', reopen: '返修', 'quote/accept': '接受报价', 'quote/decline': '拒绝报价',
    done: '操作成功', engineer: '工程师', pickEngineer: '选择工程师', reason: '原因', confirm: '确定', dismiss: '取消',
    satisfied: '满意', unsatisfied: '不满意', rate: '评价', rateTitle: '评价本次维修', ratePrompt: '问题解决了吗？',
    comment: '意见', photo: '完工照片', choosePhoto: '拍照或选择照片',
  },
  intake: {
    title: '受理报修', find: '查找房号 / 业户 / 电话', findPlaceholder: '输入房号、业户名称或电话号码', unit: '报修房号',
    submit: '提交工单 (Ctrl+Enter)', submitted: '工单 {{number}} 已受理', dispatchNow: '立即派单', another: '继续受理',
    view: '查看工单', noMatch: '没有找到匹配的房号或业户', pickUnit: '请选择报修房号', holder: '住户',
  },
  list: {
    title: '工单列表', search: '搜索工单号、描述、位置或房号', overdueOnly: '只看超时', mine: '派给我的', export: '导出 CSV',
    reset: '清除筛选', total: '共 {{total}} 条', from: '受理起', to: '受理止', all: '全部',
  },
  engineer: { title: '我的工单', empty: '暂时没有派给你的工单', open: '进行中', finished: '已完成' },
  portal: {
    title: '我的报修', new: '我要报修', empty: '还没有报修记录', submit: '提交报修', submitted: '报修已提交，我们会尽快安排。',
    describe: '请描述问题，例如：卫生间水龙头漏水', photos: '照片（最多 6 张）',
    rateDone: '感谢您的评价！', unsatisfiedNote: '我们会重新安排维修。',
  },
  stats: {
    title: '工单月报', month: '月份', submitted: '受理工单', cancelled: '取消', responseOnTime: '响应及时率', resolutionOnTime: '处理及时率',
    followUpRate: '回访率', satisfaction: '平均满意度', reopenRate: '返修率', byCategory: '按类别', times: '响应与处理时长',
    responseAverage: '平均响应', responseP90: '响应 P90', resolutionAverage: '平均处理', resolutionP90: '处理 P90',
    response: '响应', resolution: '处理', rated: '{{count}} 条评价', none: '本月没有工单', orders: '工单数', average: '平均',
    trendVolume: '近六个月受理量', trendRates: '近六个月及时率',
  },
  inbox: { title: '消息', empty: '没有消息', unread: '未读', markRead: '标为已读', all: '全部', markAllRead: '全部标为已读' },
  errors: {
    network: '无法连接服务器，请检查网络后重试。', 400: '提交的内容有误，请检查：{{fields}}', '400plain': '提交的内容有误，请检查后重试。',
    401: '登录已过期，请重新登录。', 403: '你没有权限执行此操作。', 404: '没有找到该记录，可能已被删除或不在你的管辖范围。',
    409: '操作未完成：{{detail}}', stale: '该工单刚刚被其他人修改，已重新加载，请确认后再操作。', 413: '文件太大（每张照片不超过 5 MB）。',
    415: '只支持 JPEG、PNG 或 WebP 照片。', 429: '请求过于频繁，请稍后再试。', 500: '服务器出错了，请稍后再试。', unknown: '操作失败（{{status}}），请稍后再试。',
    invalidState: '当前状态不允许此操作', checkField: '请检查此项',
  },
  fields: {
    userName: '用户名', password: '密码', unitId: '房号', category: '类别', priority: '优先级', description: '问题描述',
    location: '具体位置', contactName: '联系人', contactPhone: '联系电话', preferredTime: '预约时间', assigneeId: '工程师',
    reason: '原因', resumeAt: '预计恢复时间', summary: '处理结果', materials: '使用材料', labourMinutes: '工时',
    satisfaction: '满意度', comment: '意见', text: '备注', channel: '来源', q: '搜索',
    name: '名称', number: '房号', floor: '楼层', chargeableArea: '计费面积', buildingId: '楼栋', kind: '类别', phone: '电话', email: '邮箱',
    department: '部门', roles: '角色', propertyIds: '所属项目', initialPassword: '初始密码', address: '地址', type: '类型', personId: '人员',
    file: '文件', propertyId: '物业项目', note: '异常情况', checklist: '检查项', area: '区域', items: '检查项', responseMinutes: '响应时限', resolutionMinutes: '处理时限',
  },
  common: { required: '必填', save: '保存', loading: '加载中…', none: '—', minutes: '分钟', search: '搜索' },
  ...operationsZh,
};

type Resource = typeof zh;

const en: Resource = {
  app: { title: 'Customer Service Centre', short: 'Service Centre' },
  lang: { 'zh-CN': '简体中文', en: 'English', label: 'Language' },
  nav: {
    board: 'Daily board', intake: 'New repair', orders: 'Work orders', myOrders: 'My orders', myRepairs: 'My repairs',
    newRepair: 'Report a repair', statistics: 'Statistics', inbox: 'Messages', signOut: 'Sign out',
  },
  roles: {
    occupant: 'Occupant', frontdesk: 'Front desk', supervisor: 'Supervisor', manager: 'Manager', engineer: 'Engineer',
    security: 'Security', finance: 'Finance', admin: 'Administrator',
  },
  signIn: {
    title: 'Sign in', subtitle: 'Customer service workspace', userName: 'User name', password: 'Password', submit: 'Sign in',
    wrong: 'The user name or password is incorrect.', locked: 'Too many wrong passwords: the account is locked. Try again in {{minutes}} minute(s).',
    lockedSoon: 'Too many wrong passwords: the account is locked. Try again later.', disabled: 'This account is disabled. Ask the property management office to enable it.',
    expired: 'Your session has ended. Please sign in again.',
  },
  status: {
    submitted: 'Submitted', dispatched: 'Dispatched', accepted: 'Accepted', in_progress: 'In progress', on_hold: 'On hold',
    completed: 'Completed', followed_up: 'Followed up', closed: 'Closed', reopened: 'Reopened', cancelled: 'Cancelled',
  },
  priority: { emergency: 'Emergency', high: 'High', normal: 'Normal', low: 'Low' },
  category: {
    plumbing: 'Plumbing', electrical: 'Electrical', hvac: 'HVAC', doors_and_locks: 'Doors & locks', lifts: 'Lifts',
    cleaning: 'Cleaning', other: 'Other',
  },
  channel: { phone: 'Phone', walk_in: 'Walk-in', occupant_app: 'Occupant app', patrol: 'Patrol', complaint: 'Complaint' },
  board: {
    title: 'Daily board', dispatchedWithoutFeedback: 'Dispatched, no feedback', overdue: 'Overdue', onHoldPastResumeTime: 'On hold past resume time',
    followUpsDue: 'Follow-ups due', empty: 'Nothing waiting', refresh: 'Refresh', more: '{{count}} more',
    resumeAt: 'Resume', followUpDue: 'Follow-up due', dispatchedAt: 'Dispatched', waiting: 'Waiting for dispatch (new / reopened)',
  },
  order: {
    number: 'Number', unit: 'Unit', building: 'Building', category: 'Category', priority: 'Priority', status: 'Status',
    channel: 'Channel', description: 'Description', location: 'Location', contactName: 'Contact', contactPhone: 'Phone',
    preferredTime: 'Preferred time', assignee: 'Assignee', takenBy: 'Taken by', submittedAt: 'Submitted',
    responseDue: 'Response due', resolutionDue: 'Resolution due', overdue: 'Overdue', approaching: 'Due soon',
    timeline: 'Timeline', photos: 'Photos', comments: 'Comments', addComment: 'Add comment', commentPlaceholder: 'Write a comment',
    hold: 'On hold', holdReason: 'Reason', resumeAt: 'Resume at', completion: 'Completion', summary: 'Summary',
    materials: 'Materials', labourMinutes: 'Labour (minutes)', followUp: 'Follow-up', satisfaction: 'Satisfaction', resolved: 'Resolved',
    reopenCount: 'Times reopened', quote: 'Quote', noPhotos: 'No photos yet', cancelReason: 'Cancel reason', unassigned: 'Not dispatched',
    addPhotos: 'Add photos', back: 'Back',
  },
  actions: {
    dispatch: 'Dispatch', accept: 'Accept', start: 'Start work', hold: 'Put on hold', resume: 'Resume', complete: 'Complete',
    'follow-up': 'Follow up', close: 'Close', cancel: 'Cancel order', reopen: 'Reopen', 'quote/accept': 'Accept quote', 'quote/decline': 'Decline quote',
    done: 'Done', engineer: 'Engineer', pickEngineer: 'Choose an engineer', reason: 'Reason', confirm: 'OK', dismiss: 'Cancel',
    satisfied: 'Satisfied', unsatisfied: 'Not satisfied', rate: 'Rate', rateTitle: 'Rate this repair', ratePrompt: 'Is the problem fixed?',
    comment: 'Comment', photo: 'Completion photo', choosePhoto: 'Take or choose a photo',
  },
  intake: {
    title: 'New repair', find: 'Find unit / occupant / phone', findPlaceholder: 'Type a unit number, occupant name or phone', unit: 'Unit',
    submit: 'File order (Ctrl+Enter)', submitted: 'Order {{number}} filed', dispatchNow: 'Dispatch now', another: 'Take another',
    view: 'Open order', noMatch: 'No unit or occupant matches', pickUnit: 'Choose the unit', holder: 'Occupant',
  },
  list: {
    title: 'Work orders', search: 'Search number, description, location or unit', overdueOnly: 'Overdue only', mine: 'Assigned to me', export: 'Export CSV',
    reset: 'Clear filters', total: '{{total}} orders', from: 'From', to: 'To', all: 'All',
  },
  engineer: { title: 'My orders', empty: 'Nothing assigned to you', open: 'Open', finished: 'Finished' },
  portal: {
    title: 'My repairs', new: 'Report a repair', empty: 'No repairs yet', submit: 'Submit', submitted: 'Submitted. We will arrange it soon.',
    describe: 'Describe the problem, e.g. the bathroom tap leaks', photos: 'Photos (up to 6)',
    rateDone: 'Thank you for your rating!', unsatisfiedNote: 'We will send someone again.',
  },
  stats: {
    title: 'Monthly figures', month: 'Month', submitted: 'Orders taken', cancelled: 'cancelled', responseOnTime: 'Response on time', resolutionOnTime: 'Resolved on time',
    followUpRate: 'Follow-up rate', satisfaction: 'Satisfaction', reopenRate: 'Reopen rate', byCategory: 'By category', times: 'Response and resolution times',
    responseAverage: 'Average response', responseP90: 'Response P90', resolutionAverage: 'Average resolution', resolutionP90: 'Resolution P90',
    response: 'Response', resolution: 'Resolution', rated: '{{count}} rated', none: 'No orders this month', orders: 'Orders', average: 'Average',
    trendVolume: 'Orders taken, last six months', trendRates: 'On time, last six months',
  },
  inbox: { title: 'Messages', empty: 'No messages', unread: 'Unread', markRead: 'Mark read', all: 'All', markAllRead: 'Mark all read' },
  errors: {
    network: 'Cannot reach the server. Check the network and try again.', 400: 'Please check: {{fields}}', '400plain': 'Please check what you entered.',
    401: 'Your session has ended. Please sign in again.', 403: 'You may not do this.', 404: 'Not found: it may have been removed or be outside your properties.',
    409: 'Not done: {{detail}}', stale: 'Someone else changed this order just now. It has been reloaded: check it and try again.', 413: 'The file is too large (5 MB per photo at most).',
    415: 'Only JPEG, PNG or WebP photos are accepted.', 429: 'Too many requests. Try again in a moment.', 500: 'Something went wrong on the server. Try again later.', unknown: 'Failed ({{status}}). Try again later.',
    invalidState: 'Not allowed in the current state', checkField: 'Check this field',
  },
  fields: {
    userName: 'User name', password: 'Password', unitId: 'Unit', category: 'Category', priority: 'Priority', description: 'Description',
    location: 'Location', contactName: 'Contact', contactPhone: 'Phone', preferredTime: 'Preferred time', assigneeId: 'Engineer',
    reason: 'Reason', resumeAt: 'Resume at', summary: 'Summary', materials: 'Materials', labourMinutes: 'Labour',
    satisfaction: 'Satisfaction', comment: 'Comment', text: 'Comment', channel: 'Channel', q: 'Search',
    name: 'Name', number: 'Unit number', floor: 'Floor', chargeableArea: 'Chargeable area', buildingId: 'Building', kind: 'Kind', phone: 'Phone', email: 'Email',
    department: 'Department', roles: 'Roles', propertyIds: 'Properties', initialPassword: 'Initial password', address: 'Address', type: 'Type', personId: 'Person',
    file: 'File', propertyId: 'Property', note: 'Note', checklist: 'Checklist', area: 'Area', items: 'Items', responseMinutes: 'Response limit', resolutionMinutes: 'Resolution limit',
  },
  common: { required: 'Required', save: 'Save', loading: 'Loading…', none: '—', minutes: 'min', search: 'Search' },
  ...operationsEn,
};

const languageKey = 'pp.language';
export const languages = ['zh-CN', 'en'] as const;

i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
  lng: localStorage.getItem(languageKey) ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  localStorage.setItem(languageKey, lng);
  document.documentElement.lang = lng;
});

export default i18n;
