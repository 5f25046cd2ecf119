// A schema failure in words a clerk reads: "用户名：只能包含字母、数字、汉字和 _ . -" instead of ajv's
// "Expected string to match …". The field comes from the failing path (or the missing property), the
// phrase from ajv's keyword and its limit; the English half keeps ajv's own text for developers.

/** What each request field is called on the Chinese screens (field names are shared across routes). */
const FIELD_NAMES: Record<string, string> = {
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  displayName: '显示名称',
  role: '角色',
  disabled: '停用',
  name: '名称',
  cardNo: '代表证号',
  gender: '性别',
  delegation: '代表团/选区',
  photo: '照片',
  status: '状态',
  title: '标题',
  reason: '理由',
  kind: '表决类型',
  secrecy: '表决方式',
  options: '选项',
  maxYes: '最多赞成数',
  passRule: '通过规则',
  quorum: '法定人数',
  num: '分子',
  den: '分母',
  base: '基数',
  evidenceRetentionDays: '现场照片保存天数',
  organisation: '单位',
  seat: '座位号',
  mode: '用途',
  code: '配对码',
  sittingId: '全体会议',
  sittings: '全体会议',
  confirmName: '确认名称',
  rows: '名册行',
};

import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';

export interface AjvLikeError {
  keyword: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function fieldOf(error: AjvLikeError, names: Readonly<Record<string, string>>): string {
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  const path = (error.instancePath ?? '').split('/').filter((p) => p && !/^\d+$/.test(p));
  const key = typeof missing === 'string' && error.keyword === 'required' ? missing : (path.at(-1) ?? (typeof missing === 'string' ? missing : ''));
  return names[key] ?? FIELD_NAMES[key] ?? (key ? `字段“${key}”` : '请求内容');
}

function phraseOf(error: AjvLikeError, field: string): string {
  const p = error.params ?? {};
  switch (error.keyword) {
    case 'required':
      return '必须填写';
    case 'minLength':
      return p.limit === 1 ? '不能为空' : `至少 ${String(p.limit)} 个字符`;
    case 'maxLength':
      return `不能超过 ${String(p.limit)} 个字符`;
    case 'minimum':
      return `不能小于 ${String(p.limit)}`;
    case 'maximum':
      return `不能大于 ${String(p.limit)}`;
    case 'exclusiveMinimum':
      return `必须大于 ${String(p.limit)}`;
    case 'exclusiveMaximum':
      return `必须小于 ${String(p.limit)}`;
    case 'pattern':
      if (field === '用户名') return '只能包含字母、数字、汉字和 _ . -，不能有空格';
      return /\\S/.test(String(p.pattern)) ? '不能为空' : '格式不正确';
    case 'type':
      return p.type === 'integer' ? '必须是整数' : p.type === 'number' ? '必须是数字' : p.type === 'boolean' ? '必须是“是”或“否”' : '类型不正确';
    case 'additionalProperties':
      return '是不认识的字段';
    case 'minItems':
      return `至少需要 ${String(p.limit)} 项`;
    case 'maxItems':
      return `最多 ${String(p.limit)} 项`;
    case 'minProperties':
      return '没有要修改的内容';
    case 'format':
      return '格式不正确';
    case 'anyOf':
    case 'const':
    case 'enum':
      return '不是可选的值';
    default:
      return '不正确';
  }
}

/** The Chinese half: "姓名：必须填写". `names` overrides field names where a route calls them otherwise. */
export function describeProblem(error: AjvLikeError, names: Readonly<Record<string, string>> = {}): string {
  const field = fieldOf(error, names);
  return `${field}：${phraseOf(error, field)}`;
}

/** Routes about people call `name` 姓名 (a person's name), where elsewhere it is 名称 (a congress's, a meeting's). */
export const PERSON_FIELD_NAMES: Readonly<Record<string, string>> = Object.freeze({ name: '姓名' });

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What this route's fields are called on Chinese screens, where it differs from FIELD_NAMES. */
    fieldNames?: Readonly<Record<string, string>>;
  }
}

/** "中文 / English" for the first schema problem of a request. */
export function validationMessage(error: AjvLikeError | undefined, context: string | undefined, names: Readonly<Record<string, string>> = {}): string {
  if (!error) return '请求参数不正确 / Invalid request';
  const en = `${context ?? ''}${error.instancePath ?? ''} ${error.message ?? ''}`.trim();
  return `${describeProblem(error, names)} / Invalid request: ${en}`;
}

const KEYWORDS: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'required',
  [ValueErrorType.StringMinLength]: 'minLength',
  [ValueErrorType.StringMaxLength]: 'maxLength',
  [ValueErrorType.StringPattern]: 'pattern',
  [ValueErrorType.StringFormat]: 'format',
  [ValueErrorType.NumberMinimum]: 'minimum',
  [ValueErrorType.IntegerMinimum]: 'minimum',
  [ValueErrorType.NumberMaximum]: 'maximum',
  [ValueErrorType.IntegerMaximum]: 'maximum',
  [ValueErrorType.NumberExclusiveMinimum]: 'exclusiveMinimum',
  [ValueErrorType.IntegerExclusiveMinimum]: 'exclusiveMinimum',
  [ValueErrorType.NumberExclusiveMaximum]: 'exclusiveMaximum',
  [ValueErrorType.IntegerExclusiveMaximum]: 'exclusiveMaximum',
  [ValueErrorType.ObjectAdditionalProperties]: 'additionalProperties',
  [ValueErrorType.ObjectMinProperties]: 'minProperties',
  [ValueErrorType.ArrayMinItems]: 'minItems',
  [ValueErrorType.ArrayMaxItems]: 'maxItems',
  [ValueErrorType.Union]: 'anyOf',
  [ValueErrorType.Literal]: 'const',
  [ValueErrorType.Integer]: 'type',
  [ValueErrorType.Number]: 'type',
  [ValueErrorType.Boolean]: 'type',
  [ValueErrorType.String]: 'type',
};

const LIMITS: Record<string, string> = {
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'exclusiveMinimum',
  exclusiveMaximum: 'exclusiveMaximum',
  minItems: 'minItems',
  maxItems: 'maxItems',
};

/** A TypeBox ValueError (route bodies and roster rows are checked by TypeBox) as an ajv-shaped error. */
export function fromTypeBoxError(e: ValueError): AjvLikeError {
  const s = e.schema as Record<string, unknown>;
  const keyword = KEYWORDS[e.type] ?? 'other';
  const key = e.path.split('/').at(-1) ?? '';
  const params: Record<string, unknown> = { type: s.type, pattern: s.pattern };
  if (LIMITS[keyword]) params.limit = s[LIMITS[keyword]];
  // A missing property is reported at its own path with the property's schema.
  if (e.value === undefined && keyword !== 'additionalProperties') return { keyword: 'required', instancePath: '', message: e.message, params: { missingProperty: key } };
  if (keyword === 'additionalProperties') params.additionalProperty = key;
  return { keyword, instancePath: e.path, message: e.message, params };
}
