// Bodies (届), their rules and rosters.
import type { BodyView, DeputyView } from '../../../shared/views';
import type { BodyRules } from '../../../shared/types';
import type { ImportJobView } from '../../../shared/import-job';
import type { FaceOperatingPointView } from '../../../shared/face/roll-words';
import type { CreateBody, DeputyInput, UpdateDeputy } from '../../../shared/schemas/bodies';
import { del, get, patch, post } from './http';

export interface RowError {
  row: number;
  message: string;
}

export interface PhotoFailure {
  row: number;
  file: string;
  reason: string;
  message: string;
}

/** Answer of the file import (POST /api/bodies/:id/roster/import). */
export interface FileImportReport {
  created: number;
  updated: number;
  errors: RowError[];
  photos: { enrolled: number; photos?: number; failed: PhotoFailure[] };
}

export const listBodies = () => get<BodyView[]>('/api/bodies');
/** Archived congresses (admins' 已归档 list). */
export const listArchivedBodies = () => get<BodyView[]>('/api/bodies/archived');
export const getBody = (id: number) => get<BodyView>(`/api/bodies/${id}`);
export const createBody = (input: CreateBody) => post<BodyView>('/api/bodies', input);
export const listDeputies = (bodyId: number) => get<DeputyView[]>(`/api/bodies/${bodyId}/deputies`);
/** What the face match's threshold stands for at this body's roll (the rules page). */
export const getFaceOperatingPoint = (bodyId: number) => get<FaceOperatingPointView>(`/api/bodies/${bodyId}/face/operating-point`);
export const getDeputy = (id: number) => get<DeputyView>(`/api/deputies/${id}`);
export const addDeputy = (bodyId: number, input: DeputyInput) => post<DeputyView>(`/api/bodies/${bodyId}/deputies`, input);
export const updateDeputy = (id: number, input: UpdateDeputy) => patch<DeputyView>(`/api/deputies/${id}`, input);
/** Erases the deputy's descriptors, thumbnail and every evidence photo (admins only). */
export const eraseBiometrics = (id: number) => del<unknown>(`/api/deputies/${id}/biometrics`);

export function importRosterFile(bodyId: number, roster: File, photos: File | null): Promise<FileImportReport> {
  const form = new FormData();
  form.append('roster', roster, roster.name);
  if (photos) form.append('photos', photos, photos.name);
  return post<FileImportReport>(`/api/bodies/${bodyId}/roster/import`, form);
}

export const thumbnailUrl = (deputyId: number) => `/api/deputies/${deputyId}/thumbnail`;

/** Admins: a body's vote rules (quorum, pass rules, rating verdict, 未按 shown). */
export const updateRules = (bodyId: number, rules: BodyRules) => patch<BodyView>(`/api/bodies/${bodyId}/rules`, rules);

/** Starts the import on the server and answers at once with the job to poll (photos done / total, problems). */
export function startRosterImport(bodyId: number, roster: File, photos: File | null): Promise<ImportJobView> {
  const form = new FormData();
  form.append('roster', roster, roster.name);
  if (photos) form.append('photos', photos, photos.name);
  return post<ImportJobView>(`/api/bodies/${bodyId}/roster/import-jobs`, form);
}
export const getImportJob = (id: number) => get<ImportJobView>(`/api/import-jobs/${id}`);
export const latestImportJob = (bodyId: number) => get<{ job: ImportJobView | null }>(`/api/bodies/${bodyId}/import-jobs/latest`).then((r) => r.job);

/** One deputy's photos (several allowed): replaces the enrolled faces when at least one photo is good. */
export function uploadDeputyPhotos(deputyId: number, files: File[]): Promise<{ stored: number; failed: PhotoFailure[] }> {
  const form = new FormData();
  for (const f of files) form.append('photo', f, f.name);
  return post(`/api/deputies/${deputyId}/photos`, form);
}

/** Admins: hides the body from every list and picker after its name is typed to confirm (nothing is deleted). */
export const archiveBody = (bodyId: number, confirmName: string) => post<{ archived: true }>(`/api/bodies/${bodyId}/archive`, { confirmName });
