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
    resumeHint: '已恢复上次未提交的巡查', discard: '重新开始', checklistVersion: '检查项版本', viewRecord: '查看巡查记录',
  },
  admin: {
    title: '基础资料', properties: '物业项目', buildings: '楼栋', units: '房屋', occupants: '业户', staff: '员工', accounts: '账号', import: '批量导入',
    add: '新增', edit: '修改', name: '名称', type: '类型', address: '地址', registeredAt: '登记时间', building: '楼栋', number: '房号', floor: '楼层',
    area: '计费面积（㎡）', kind: '类别', phone: '电话', email: '邮箱', department: '部门', roles: '角色', propertiesOf: '所属项目',
    account: '登录账号', noAccount: '未开通', createAccount: '开通账号', userName: '用户名', initialPassword: '初始密码',
    passwordHint: '8 至 128 个字符；请当面告知本人并提醒其登录后修改。', disable: '停用', enable: '启用', disabled: '已停用', active: '正常',
    disableConfirm: '停用后该账号立即无法登录，确定停用？', allBuildings: '全部楼栋', allTypes: '全部类型', searchName: '按名称搜索',
    needContact: '电话和邮箱至少填写一项', emailShape: '请输入有效的邮箱地址，如 name@example.com', saved: '已保存', total: '共 {{total}} 条', adminOnly: '仅系统管理员可修改',
    importTitle: '导入房屋和业户', importHint: 'CSV 文件（UTF-8 或 GB18030，最多 5000 行、5 MB），第一行为列名，中英文列名均可。同一房号再次导入不会重复。',
    importInto: '导入到', chooseFile: '选择或拖入 CSV 文件', template: '下载模板', importing: '正在导入…',
    rows: '总行数', imported: '已导入', alreadyExisting: '已存在', rejected: '被拒绝', ignoredColumns: '已忽略的列：{{columns}}',
    row: '行号', result: '结果', errors: '错误', onlyRejected: '只看被拒绝的行', importDone: '导入完成：{{imported}} 行导入，{{rejected}} 行被拒绝',
    columns: {
      row: '整行', building: '楼栋', unit_number: '房号', floor: '楼层', type: '类型', chargeable_area: '计费面积', occupant_name: '业户名称',
      occupant_kind: '业户类别', phone: '电话', email: '邮箱', occupancy_role: '入住身份', move_in_date: '入伙日期',
    },
  },
  enums: {
    unitType: { office: '写字间', shop: '商铺', clubhouse: '会所', storage: '库房', residence: '住宅', parking_space: '车位' },
    propertyType: { office_tower: '写字楼', residential: '住宅小区', industrial_park: '产业园', mall: '商场' },
    department: { customer_service: '客服部', engineering: '工程部', security: '秩序维护部', finance: '财务部', hr_admin: '行政人事部', project_management: '项目管理部' },
    occupantKind: { person: '个人', company: '公司' },
    importStatus: { imported: '已导入', already_exists: '已存在', rejected: '被拒绝' },
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
    resumeHint: 'Your unfinished patrol was restored', discard: 'Start over', checklistVersion: 'Checklist', viewRecord: 'Patrol record',
  },
  admin: {
    title: 'Directory', properties: 'Properties', buildings: 'Buildings', units: 'Units', occupants: 'Occupants', staff: 'Staff', accounts: 'Accounts', import: 'Import',
    add: 'Add', edit: 'Edit', name: 'Name', type: 'Type', address: 'Address', registeredAt: 'Registered', building: 'Building', number: 'Unit number', floor: 'Floor',
    area: 'Chargeable area (m²)', kind: 'Kind', phone: 'Phone', email: 'Email', department: 'Department', roles: 'Roles', propertiesOf: 'Properties',
    account: 'Account', noAccount: 'None', createAccount: 'Create account', userName: 'User name', initialPassword: 'Initial password',
    passwordHint: '8 to 128 characters; tell the person in person and ask them to change it after signing in.', disable: 'Disable', enable: 'Enable', disabled: 'Disabled', active: 'Active',
    disableConfirm: 'The account can no longer sign in from now on. Disable it?', allBuildings: 'All buildings', allTypes: 'All types', searchName: 'Search by name',
    needContact: 'Give a phone or an email', emailShape: 'Enter an email address like name@example.com', saved: 'Saved', total: '{{total}} in all', adminOnly: 'Only administrators change these',
    importTitle: 'Import units and occupants', importHint: 'A CSV file (UTF-8 or GB18030, at most 5000 rows and 5 MB) with the column names in its first row, in English or Chinese. Importing a unit again duplicates nothing.',
    importInto: 'Import into', chooseFile: 'Choose or drop a CSV file', template: 'Download template', importing: 'Importing…',
    rows: 'Rows', imported: 'Imported', alreadyExisting: 'Already there', rejected: 'Rejected', ignoredColumns: 'Columns ignored: {{columns}}',
    row: 'Row', result: 'Result', errors: 'Errors', onlyRejected: 'Rejected rows only', importDone: 'Import done: {{imported}} imported, {{rejected}} rejected',
    columns: {
      row: 'Row', building: 'Building', unit_number: 'Unit number', floor: 'Floor', type: 'Type', chargeable_area: 'Chargeable area', occupant_name: 'Occupant',
      occupant_kind: 'Occupant kind', phone: 'Phone', email: 'Email', occupancy_role: 'Occupancy role', move_in_date: 'Move-in date',
    },
  },
  enums: {
    unitType: { office: 'Office', shop: 'Shop', clubhouse: 'Clubhouse', storage: 'Storage', residence: 'Residence', parking_space: 'Parking space' },
    propertyType: { office_tower: 'Office tower', residential: 'Residential', industrial_park: 'Industrial park', mall: 'Mall' },
    department: { customer_service: 'Customer service', engineering: 'Engineering', security: 'Security', finance: 'Finance', hr_admin: 'HR & admin', project_management: 'Project management' },
    occupantKind: { person: 'Person', company: 'Company' },
    importStatus: { imported: 'Imported', already_exists: 'Already there', rejected: 'Rejected' },
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
