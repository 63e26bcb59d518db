// Texts of the patrol, supervision and administration screens, kept apart from i18n.ts so that parallel work on
// other screens does not collide; i18n.ts spreads them into its resources.

const zh = {
  patrol: {
    title: '巡查', routes: '巡查路线', records: '巡查记录', start: '开始巡查', newRoute: '新建路线', editRoute: '修改路线',
    name: '路线名称', area: '巡查区域', checklist: '检查项（每行一项）', checklistHint: '1 至 50 项，每项一行，不能重复',
    active: '启用', inactive: '已停用', items: '{{count}} 项', version: '第 {{version}} 版', noRoutes: '还没有巡查路线',
    noRecords: '还没有巡查记录', failed: '{{count}} 项异常', allPassed: '全部正常', patroller: '巡查人', patrolledAt: '巡查时间',
    step: '第 {{n}} / {{total}} 项', passed: '正常', notPassed: '异常', note: '异常情况', notePlaceholder: '例如：走廊灯不亮',
    unit: '房号（可选）', unitHint: '选择房号将自动生成维修工单', location: '具体位置', locationPlaceholder: '例如：大堂侧门',
    category: '工单类别', priority: '工单优先级', previous: '上一项', next: '下一项', review: '检查并提交', submit: '提交巡查记录',
    summary: '巡查小结', toAnswer: '请先回答此项', needNote: '请填写异常情况', needPlace: '请选择房号或填写具体位置',
    needCategory: '请选择工单类别', needPriority: '请选择工单优先级', unanswered: '还有 {{count}} 项未完成',
    submitted: '巡查记录已提交', order: '已生成工单', noOrder: '公共区域，未生成工单（由主管跟进）', back: '返回巡查',
    changed: '该路线的检查项刚刚被修改，已重新加载，请重新巡查。', saved: '已保存', routeFilter: '路线',
    resumeHint: '已恢复上次未提交的巡查', discard: '重新开始', checklistVersion: '检查项版本',
  },
  oversight: {
    title: '督办', overdue: '超时升级', open: '全部未完成', overdueHint: '超过响应或处理时限的工单已自动升级给客服主管，请逐一跟进。',
    limits: '各优先级时限', response: '响应时限', resolution: '处理时限', source: '来源', own: '本项目设定', default: '默认',
    editLimit: '修改时限', responseMinutes: '响应时限（分钟）', resolutionMinutes: '处理时限（分钟）',
    limitHint: '新受理的工单按修改后的时限计算，已受理的工单不变。',
  },
};

type Texts = typeof zh;

const en: Texts = {
  patrol: {
    title: 'Patrols', routes: 'Patrol routes', records: 'Patrol records', start: 'Start patrol', newRoute: 'New route', editRoute: 'Edit route',
    name: 'Route name', area: 'Area', checklist: 'Checklist (one item a line)', checklistHint: '1 to 50 items, one a line, each once',
    active: 'Active', inactive: 'Inactive', items: '{{count}} items', version: 'version {{version}}', noRoutes: 'No patrol routes yet',
    noRecords: 'No patrols recorded yet', failed: '{{count}} failed', allPassed: 'All passed', patroller: 'Patroller', patrolledAt: 'Patrolled at',
    step: 'Item {{n}} of {{total}}', passed: 'OK', notPassed: 'Problem', note: 'What is wrong', notePlaceholder: 'e.g. the corridor light is out',
    unit: 'Unit (optional)', unitHint: 'A unit raises a work order', location: 'Location', locationPlaceholder: 'e.g. lobby side door',
    category: 'Order category', priority: 'Order priority', previous: 'Previous', next: 'Next', review: 'Review and submit', submit: 'Submit patrol',
    summary: 'Summary', toAnswer: 'Answer this item first', needNote: 'Say what is wrong', needPlace: 'Choose a unit or type the location',
    needCategory: 'Choose the order category', needPriority: 'Choose the order priority', unanswered: '{{count}} item(s) not done yet',
    submitted: 'Patrol recorded', order: 'Work order raised', noOrder: 'Common area: no order raised (the supervisor follows it up)', back: 'Back to patrols',
    changed: 'The checklist of this route was changed just now. It has been reloaded: walk it again.', saved: 'Saved', routeFilter: 'Route',
    resumeHint: 'Your unfinished patrol was restored', discard: 'Start over', checklistVersion: 'Checklist',
  },
  oversight: {
    title: 'Oversight', overdue: 'Overdue (escalated)', open: 'All open', overdueHint: 'Orders past their response or resolution limit are escalated to the supervisor: follow each one up.',
    limits: 'Time limits per priority', response: 'Response', resolution: 'Resolution', source: 'Source', own: 'Set for this property', default: 'Default',
    editLimit: 'Change limit', responseMinutes: 'Response limit (minutes)', resolutionMinutes: 'Resolution limit (minutes)',
    limitHint: 'Orders taken from now on use the new limits; orders already taken keep theirs.',
  },
};

export const operationsZh = zh;
export const operationsEn = en;
