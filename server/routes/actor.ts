// Who is acting, for the audit log: the signed-in staff member, else the calling tablet.
import type { FastifyRequest } from 'fastify';

export function actorOf(request: FastifyRequest): string {
  if (request.staff) return `staff:${request.staff.id}`;
  if (request.device) return `device:${request.device.id}`;
  return 'anonymous';
}
