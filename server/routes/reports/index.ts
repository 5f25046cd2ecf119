// Reports: results sheet per vote, attendance sheet and agenda (会议议程) per sitting (JSON for the printable pages, .xlsx exports),
// and a deputy's record across meetings (履职档案).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '../../../shared/schemas/common';
import { attendanceReport, deputyRecord, voteReport } from '../../services/report-service';
import { attendanceWorkbook, voteWorkbook } from '../../services/report-workbook';
import { agendaReport } from '../../services/agenda-report';
import { sendXlsx } from './xlsx';


export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  const voteParams = { params: IdParams('voteId') };
  const sittingParams = { params: IdParams('sittingId') };

  app.get('/api/reports/votes/:voteId', { config: { access: 'staff' }, schema: voteParams }, async (req) => voteReport(ctx, req.params.voteId));

  app.get('/api/reports/votes/:voteId/xlsx', { config: { access: 'staff' }, schema: voteParams }, async (req, reply) => {
    const report = await voteReport(ctx, req.params.voteId);
    const id = req.params.voteId;
    return sendXlsx(reply, await voteWorkbook(report), `vote-${id}.xlsx`, `表决结果-${id}-${report.vote.title}.xlsx`);
  });

  app.get('/api/reports/sittings/:sittingId/attendance', { config: { access: 'staff' }, schema: sittingParams }, async (req) =>
    attendanceReport(ctx, req.params.sittingId),
  );

  app.get('/api/reports/sittings/:sittingId/attendance/xlsx', { config: { access: 'staff' }, schema: sittingParams }, async (req, reply) => {
    const report = await attendanceReport(ctx, req.params.sittingId);
    const id = req.params.sittingId;
    return sendXlsx(reply, await attendanceWorkbook(report), `attendance-${id}.xlsx`, `签到统计表-${report.meetingName}-${report.sittingName}.xlsx`);
  });

  app.get('/api/reports/sittings/:sittingId/agenda', { config: { access: 'staff' }, schema: sittingParams }, async (req) => agendaReport(ctx, req.params.sittingId));

  app.get('/api/reports/deputies/:deputyId', { config: { access: 'staff' }, schema: { params: IdParams('deputyId') } }, async (req) =>
    deputyRecord(ctx, req.params.deputyId),
  );
}
