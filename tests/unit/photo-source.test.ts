import { describe, expect, it } from 'vitest';
import { zipPhotos } from '../../server/services/photo-source';
import { zipOf } from '../helpers/faces';

const jpeg = (tag: string) => Buffer.from(`\xff\xd8\xff${tag}`, 'latin1');

describe('photo source', () => {
  const source = zipPhotos(
    zipOf({ 'a/1.jpg': jpeg('a1'), 'b/1.jpg': jpeg('b1'), 'photos/王某某.JPG': jpeg('w'), 'C9/2.jpg': jpeg('c2'), 'C9/1.jpg': jpeg('c1'), 'notes.txt': Buffer.from('x') }),
  );

  it('finds a photo by exact path, or by a bare name regardless of folder and case', () => {
    expect(source.get('a/1.jpg')?.toString('latin1')).toMatch(/a1$/);
    expect(source.get('王某某.jpg')?.toString('latin1')).toMatch(/w$/);
  });

  it('never guesses: a missing path does not fall back to another folder’s file of the same name', () => {
    expect(source.get('c/1.jpg')).toBeNull();
    expect(source.isAmbiguous('c/1.jpg')).toBe(false);
  });

  it('refuses a bare name several folders hold, and says it is ambiguous', () => {
    expect(source.get('1.jpg')).toBeNull();
    expect(source.isAmbiguous('1.jpg')).toBe(true);
  });

  it('lists a folder in name order and ignores non-images', () => {
    expect(source.folder('C9').map((p) => p.name)).toEqual(['c9/1.jpg', 'c9/2.jpg']);
    expect(source.get('notes.txt')).toBeNull();
  });
});
