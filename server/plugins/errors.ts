// One error handler: every failure leaves as { error: { code, message } } with a 4xx, or a 500 that hides
// its details (they go to the log).
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { validationMessage } from './validation-message';
import { normalizeStrings, TEXT_RULE_MESSAGE } from '../../shared/text';

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'ERR_PAYLOAD_TOO_LARGE', message: '请求内容过大 / Request body too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'ERR_UNSUPPORTED_MEDIA', message: '不支持的内容类型 / Unsupported content type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'ERR_VALIDATION', message: '请求内容为空 / Empty JSON body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'ERR_VALIDATION', message: 'JSON 格式错误 / Malformed JSON' },
};

export default fp(
  async function errors(app: FastifyInstance) {
    // Every string of a JSON body in NFC before it is checked and kept (shared/text): one name, one spelling.
    app.addHook('preValidation', async (request) => {
      if (request.body && typeof request.body === 'object' && !request.isMultipart()) request.body = normalizeStrings(request.body);
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      let body: ErrorBody;
      let status: number;
      if (error instanceof AppError) {
        status = error.status;
        body = { error: { code: error.code, message: error.message, details: error.details } };
      } else if (error.validation) {
        status = 400;
        const first = error.validation[0];
        const textRule = /'(visible-line|line-or-empty|clean-text)' format/.test(first?.message ?? '');
        const message = textRule ? `请求参数不正确：${TEXT_RULE_MESSAGE}` : validationMessage(first, error.validationContext, request.routeOptions.config.fieldNames);
        body = { error: { code: 'ERR_VALIDATION', message } };
      } else if (error.code && FASTIFY_CODES[error.code]) {
        const known = FASTIFY_CODES[error.code]!;
        status = error.statusCode ?? 400;
        body = { error: { code: known.code, message: known.message } };
      } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        status = error.statusCode;
        body = { error: { code: status === 404 ? 'ERR_NOT_FOUND' : 'ERR_VALIDATION', message: error.message } };
      } else {
        request.log.error({ err: error }, 'unhandled error');
        status = 500;
        body = { error: { code: 'ERR_INTERNAL', message: '服务器内部错误 / Internal server error' } };
      }
      void reply.status(status).send(body);
    });
    app.setNotFoundHandler((request, reply) => {
      void reply.status(404).send({
        error: { code: 'ERR_NOT_FOUND', message: `没有这个接口 / No route ${request.method} ${request.url}` },
      } satisfies ErrorBody);
    });
  },
  { name: 'errors' },
);
