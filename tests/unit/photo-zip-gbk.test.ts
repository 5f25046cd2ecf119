// A zip made by Windows' built-in zipping (GBK names, no UTF-8 flag): its photos are found by their Chinese names.
import { describe, expect, it } from 'vitest';
import { zipPhotos } from '../../server/services/photo-source';
import { gbkZip } from '../helpers/gbk-zip';
import { zipOf } from '../helpers/faces';

describe('photo zip names', () => {
  it('reads GBK names written without the UTF-8 flag', () => {
    const source = zipPhotos(gbkZip({ '代表照片/王某某.jpg': Buffer.from('one'), '李某某.JPG': Buffer.from('two') }));
    expect(source.get('王某某.jpg')?.toString()).toBe('one');
    expect(source.get('代表照片/王某某.jpg')?.toString()).toBe('one');
    expect(source.get('李某某.jpg')?.toString()).toBe('two');
  });

  it('still reads UTF-8 names (flagged, as adm-zip and macOS write them)', () => {
    expect(zipPhotos(zipOf({ '照片/张某某.jpg': Buffer.from('three') })).get('张某某.jpg')?.toString()).toBe('three');
  });
});
