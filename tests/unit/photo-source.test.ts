import { beforeAll, describe, expect, it } from 'vitest';
import { zipPhotos, type PhotoSource } from '../../server/services/photo-source';
import { bufferBytes } from '../../server/services/zip-reader';
import { zipOf } from '../helpers/faces';

const jpeg = (tag: string) => Buffer.from(`\xff\xd8\xff${tag}`, 'latin1');

describe('photo source', () => {
  let source: PhotoSource;
  const get = async (name: string) => (await source.find(name)?.read()) ?? null;
  beforeAll(async () => {
    source = await zipPhotos(
      bufferBytes(zipOf({ 'a/1.jpg': jpeg('a1'), 'b/1.jpg': jpeg('b1'), 'photos/王某某.JPG': jpeg('w'), 'C9/2.jpg': jpeg('c2'), 'C9/1.jpg': jpeg('c1'), 'notes.txt': Buffer.from('x') })),
    );
  });

  it('finds a photo by exact path, or by a bare name regardless of folder and case', async () => {
    expect((await get('a/1.jpg'))?.toString('latin1')).toMatch(/a1$/);
    expect((await get('王某某.jpg'))?.toString('latin1')).toMatch(/w$/);
  });

  it('never guesses: a missing path does not fall back to another folder’s file of the same name', async () => {
    expect(await get('c/1.jpg')).toBeNull();
    expect(source.isAmbiguous('c/1.jpg')).toBe(false);
  });

  it('refuses a bare name several folders hold, and says it is ambiguous', async () => {
    expect(await get('1.jpg')).toBeNull();
    expect(source.isAmbiguous('1.jpg')).toBe(true);
  });

  it('lists a folder in name order and ignores non-images', async () => {
    expect(source.folder('C9').map((p) => p.name)).toEqual(['C9/1.jpg', 'C9/2.jpg']);
    expect(await get('notes.txt')).toBeNull();
  });
});
