// The notification screens' texts, added to the console's i18n resources (zh-CN default, English).
import i18n from '../../i18n';

const zh = {
  nav: { notifications: '通知', preferences: '通知偏好', deliveries: '发送记录', routing: '通知规则', webhooks: 'Webhook 订阅' },
  notify: {
    common: { save: '保存', saved: '已保存', refresh: '刷新', cancel: '取消', ok: '确定', all: '全部', actions: '操作', close: '关闭' },
    category: { repairs: '报修', complaints: '投诉', billing: '收费', reception: '前台服务' },
    channel: { inbox: '站内消息', email: '邮件', sms: '短信' },
    preferences: {
      title: '通知偏好', intro: '站内消息总会送达；邮件和短信按类别选择。紧急和升级消息不受免打扰限制，免打扰期间的邮件和短信在结束后发出。',
      language: '邮件和短信的语言', category: '类别', quiet: '免打扰时段', quietOn: '开启免打扰', from: '开始', until: '结束',
      timeZone: '时区',
    },
    deliveries: {
      title: '发送记录', recipient: '收件人', channel: '渠道', status: '状态', event: '事件', subject: '标题', attempts: '尝试次数',
      reason: '失败原因', createdAt: '生成时间', sentAt: '发送时间', dueAt: '计划发送', replay: '重发', replayed: '已重新排队发送',
      escalation: '升级', filterRecipient: '收件人 ID', empty: '没有发送记录',
      statusValues: { pending: '待发送', held: '免打扰暂缓', sent: '已发送', failed: '失败' },
    },
    webhooks: {
      title: 'Webhook 订阅', create: '新建订阅', name: '名称', url: '接收地址', eventTypes: '事件类型', active: '状态',
      activeValues: { true: '启用', false: '已停用' }, createdAt: '创建时间', deliveries: '投递记录', replay: '重发',
      replayFailed: '重发全部失败投递', deactivate: '停用', deactivateConfirm: '停用后不再投递新事件，排队中的投递将丢弃。确定停用？',
      secretTitle: '签名密钥', secretNote: '密钥只显示这一次，请立即复制并保存到接收系统。', replayed: '已重新排队 {{count}} 条',
      occurredAt: '发生时间', lastError: '最近错误', empty: '没有订阅', noDeliveries: '没有投递记录',
      statusValues: { pending: '待投递', sent: '已投递', failed: '失败（死信）' },
    },
    routing: {
      title: '通知规则', intro: '每类事件通知哪些人、经哪些渠道。个人再按通知偏好选择邮件和短信；邮件和短信只发给个人，不发给岗位。',
      audiences: '通知对象', rule: '规则', default: '默认', custom: '已调整', silenced: '不通知', edit: '调整', reset: '恢复默认',
      resetDone: '已恢复默认规则', texts: '模板', defaultIs: '默认通知：{{audiences}}', silenceHint: '不选对象即在本项目不通知此事件（Webhook 仍会收到）。',
      placeholders: '{字段} 处填入事件内容，{Name} 为收件人姓名。',
      audience: {
        occupant: '业户本人', assignee: '处理工程师', owner: '负责人', frontdesk: '前台', supervisor: '主管', manager: '经理',
        engineer: '工程部', security: '安保', finance: '财务', admin: '系统管理员',
      },
    },
  },
};

const en = {
  nav: { notifications: 'Notifications', preferences: 'Notification preferences', deliveries: 'Delivery log', routing: 'Notification rules', webhooks: 'Webhooks' },
  notify: {
    common: { save: 'Save', saved: 'Saved', refresh: 'Refresh', cancel: 'Cancel', ok: 'OK', all: 'All', actions: 'Actions', close: 'Close' },
    category: { repairs: 'Repairs', complaints: 'Complaints', billing: 'Billing', reception: 'Front desk' },
    channel: { inbox: 'Inbox', email: 'Email', sms: 'SMS' },
    preferences: {
      title: 'Notification preferences', intro: 'The inbox always gets every message; choose email and SMS per category. Emergencies and escalations ignore quiet hours; email and SMS held in quiet hours go out when they end.',
      language: 'Language of email and SMS', category: 'Category', quiet: 'Quiet hours', quietOn: 'Quiet hours on', from: 'From', until: 'Until',
      timeZone: 'Time zone',
    },
    deliveries: {
      title: 'Delivery log', recipient: 'Recipient', channel: 'Channel', status: 'Status', event: 'Event', subject: 'Subject', attempts: 'Attempts',
      reason: 'Why it failed', createdAt: 'Created', sentAt: 'Sent', dueAt: 'Due', replay: 'Send again', replayed: 'Queued to send again',
      escalation: 'Escalation', filterRecipient: 'Recipient id', empty: 'Nothing was sent',
      statusValues: { pending: 'Pending', held: 'Held (quiet hours)', sent: 'Sent', failed: 'Failed' },
    },
    webhooks: {
      title: 'Webhooks', create: 'New subscription', name: 'Name', url: 'Receiver URL', eventTypes: 'Event types', active: 'Status',
      activeValues: { true: 'Active', false: 'Deactivated' }, createdAt: 'Created', deliveries: 'Deliveries', replay: 'Send again',
      replayFailed: 'Send every failed delivery again', deactivate: 'Deactivate', deactivateConfirm: 'No new events will be sent and queued deliveries are dropped. Deactivate?',
      secretTitle: 'Signing secret', secretNote: 'The secret is shown this once: copy it into the receiving system now.', replayed: '{{count}} queued again',
      occurredAt: 'Occurred', lastError: 'Last error', empty: 'No subscriptions', noDeliveries: 'No deliveries',
      statusValues: { pending: 'Pending', sent: 'Sent', failed: 'Failed (dead letter)' },
    },
    routing: {
      title: 'Notification rules', intro: 'Who hears each kind of event, and on which channels. Each person then chooses email and SMS in their preferences; email and SMS go to persons, not to roles.',
      audiences: 'Told', rule: 'Rule', default: 'Default', custom: 'Changed', silenced: 'Nobody', edit: 'Change', reset: 'Back to default',
      resetDone: 'Default rule restored', texts: 'Templates', defaultIs: 'By default: {{audiences}}', silenceHint: 'Nobody chosen: the event is not told at this property (webhooks still get it).',
      placeholders: '{Field} takes the event\'s value; {Name} is the recipient\'s name.',
      audience: {
        occupant: 'The occupant', assignee: 'The engineer on it', owner: 'Its owner', frontdesk: 'Front desk', supervisor: 'Supervisors', manager: 'Managers',
        engineer: 'Engineers', security: 'Security', finance: 'Finance', admin: 'Administrators',
      },
    },
  },
};

i18n.addResourceBundle('zh-CN', 'translation', zh, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);

export {};
