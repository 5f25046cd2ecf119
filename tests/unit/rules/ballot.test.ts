import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BallotContent, Mark, VoteSpec } from '../../../shared/types';
import { validateBallot, type BallotErrorCode } from '../../../shared/rules/ballot';
import { validateSpec } from '../../../shared/rules/spec';
import { nameKey, displayName, charLength } from '../../../shared/rules/names';
import { ballot, options, spec } from './helpers';

const resolution = spec('resolution');
const project = spec('project', { n: 5, maxYes: 3 });
const election = spec('election', { options: options(['张三', '李四', '王　芳']), maxYes: 2, allowWriteIn: true });
const electionNoWriteIn = spec('election', { options: options(['张三', '李四', '王五']), maxYes: 2 });
const rating = spec('rating', { n: 3 });

const bad = (s: VoteSpec, content: unknown) => validateBallot(s, content as BallotContent);

describe('validateBallot: accepted ballots', () => {
  it.each<[string, VoteSpec, BallotContent]>([
    ['resolution yes', resolution, ballot('y')],
    ['resolution no', resolution, ballot('n')],
    ['resolution abstain', resolution, ballot('a')],
    ['project, 3 yes of max 3', project, ballot('yyynn')],
    ['project, no yes at all', project, ballot('nnaan')],
    ['project, all abstain', project, ballot('aaaaa')],
    ['project, empty writeIns list', project, ballot('ynnnn', [])],
    ['election, 2 yes', election, ballot('yyn')],
    ['election, 1 yes + 1 write-in', election, ballot('ynn', ['赵六'])],
    ['election, 2 write-ins', election, ballot('nna', ['赵六', '钱七'])],
    ['election, write-in padded with spaces', election, ballot('nnn', ['  赵六 '])],
    ['election, all abstain', election, ballot('aaa')],
    ['election, write-in of 50 characters', election, ballot('nnn', ['名'.repeat(50)])],
    ['election, 50 astral characters (code points, not UTF-16 units)', election, ballot('nnn', ['𠀀'.repeat(50)])],
    ['election without write-ins, empty list', electionNoWriteIn, ballot('ynn', [])],
    ['rating', rating, ballot('sbu')],
    ['rating, all satisfied', rating, ballot('sss')],
  ])('%s', (_name, s, content) => {
    expect(validateBallot(s, content)).toEqual({ ok: true });
  });
});

describe('validateBallot: refused ballots', () => {
  it.each<[string, VoteSpec, unknown, BallotErrorCode]>([
    ['null content', resolution, null, 'bad_content'],
    ['marks missing', resolution, {}, 'bad_content'],
    ['marks is an array', resolution, { marks: ['yes'] }, 'bad_content'],
    ['marks is null', resolution, { marks: null }, 'bad_content'],
    ['writeIns not an array', election, { marks: { 1: 'no', 2: 'no', 3: 'no' }, writeIns: '赵六' }, 'bad_content'],
    ['writeIns holds a number', election, { marks: { 1: 'no', 2: 'no', 3: 'no' }, writeIns: [7] }, 'bad_content'],
    ['resolution without a mark', resolution, ballot('-'), 'missing_mark'],
    ['resolution with a rating mark', resolution, ballot('s'), 'bad_mark'],
    ['resolution with a made-up mark', resolution, { marks: { 1: 'maybe' } }, 'bad_mark'],
    ['resolution with a null mark', resolution, { marks: { 1: null } }, 'bad_mark'],
    ['resolution with a second option', resolution, ballot('yn'), 'unknown_option'],
    ['resolution with a write-in', resolution, ballot('y', ['x']), 'write_in_not_allowed'],
    ['project, 4 yes of max 3', project, ballot('yyyyn'), 'too_many_yes'],
    ['project, all yes', project, ballot('yyyyy'), 'too_many_yes'],
    ['project, one project unmarked', project, ballot('yyn-n'), 'missing_mark'],
    ['project, empty ballot', project, ballot(''), 'missing_mark'],
    ['project, unknown id', project, { marks: { ...ballot('nnnnn').marks, 9: 'yes' } }, 'unknown_option'],
    ['project, id spelled "01"', project, { marks: { ...ballot('nnnn-').marks, '05': 'no' } }, 'unknown_option'],
    ['project, __proto__ key', project, JSON.parse('{"marks":{"1":"no","2":"no","3":"no","4":"no","5":"no","__proto__":"yes"}}'), 'unknown_option'],
    ['project, toString not an option', project, { marks: { ...ballot('nnnnn').marks, toString: 'yes' } }, 'unknown_option'],
    ['project, rating mark', project, ballot('nnnnb'), 'bad_mark'],
    ['project, write-in', project, ballot('nnnnn', ['新项目']), 'write_in_not_allowed'],
    ['election, 3 yes for 2 seats', election, ballot('yyy'), 'too_many_yes'],
    ['election, 2 yes + 1 write-in for 2 seats', election, ballot('yyn', ['赵六']), 'too_many_yes'],
    ['election, 3 write-ins for 2 seats', election, ballot('nnn', ['赵六', '钱七', '孙八']), 'too_many_yes'],
    ['election, write-ins not allowed', electionNoWriteIn, ballot('nnn', ['赵六']), 'write_in_not_allowed'],
    ['election, candidate unmarked', election, ballot('y-n'), 'missing_mark'],
    ['election, empty write-in', election, ballot('nnn', ['']), 'bad_write_in'],
    ['election, blank write-in', election, ballot('nnn', ['   ']), 'bad_write_in'],
    ['election, ideographic-space write-in', election, ballot('nnn', ['\u3000\u3000']), 'bad_write_in'],
    ['election, 51-character write-in', election, ballot('nnn', ['名'.repeat(51)]), 'bad_write_in'],
    ['election, duplicate write-in', election, ballot('nnn', ['赵六', '赵六']), 'bad_write_in'],
    ['election, duplicate write-in after trimming', election, ballot('nnn', ['赵六', ' 赵六 ']), 'bad_write_in'],
    ['election, duplicate write-in with full-width letters', election, ballot('nnn', ['Li Na', 'Ｌｉ　Ｎａ']), 'bad_write_in'],
    ['election, write-in repeats a candidate', election, ballot('nnn', ['张三']), 'bad_write_in'],
    ['election, write-in repeats a padded candidate', election, ballot('nnn', ['王芳']), 'bad_write_in'],
    ['election, write-in repeats a candidate with spaces', election, ballot('nnn', [' 李 四 ']), 'bad_write_in'],
    ['election, rating mark', election, ballot('nns'), 'bad_mark'],
    ['rating, subject unmarked', rating, ballot('s-u'), 'missing_mark'],
    ['rating, yes mark', rating, ballot('syu'), 'bad_mark'],
    ['rating, unknown subject', rating, { marks: { ...ballot('sss').marks, 4: 'basic' } }, 'unknown_option'],
    ['rating, write-in', rating, ballot('sss', ['x']), 'write_in_not_allowed'],
  ])('%s → %s', (_name, s, content, code) => {
    const r = bad(s, content);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toMatch(/^[^/]*[\u4e00-\u9fff][^/]* \/ ["A-Z]/u);
    }
  });

  it('says how many yes are allowed, in Chinese then English', () => {
    expect(validateBallot(spec('project', { n: 12, maxYes: 10 }), ballot('yyyyyyyyyyyn'))).toEqual({
      ok: false,
      code: 'too_many_yes',
      message: '最多只能赞成 10 项 / At most 10 yes marks',
    });
  });

  it('names the option left without a mark', () => {
    const r = validateBallot(election, ballot('y-n'));
    expect(r.ok === false && r.message.includes('李四')).toBe(true);
  });

  it('throws on an invalid spec rather than blaming the ballot', () => {
    expect(() => validateBallot(spec('resolution', { n: 2 }), ballot('y'))).toThrow(RangeError);
    expect(() => validateBallot(spec('project', { maxYes: 0 }), ballot('nnn'))).toThrow(RangeError);
  });
});

const markArb = fc.constantFrom<Mark>('yes', 'no', 'abstain');

describe('validateBallot: properties', () => {
  it('a project ballot with every project marked is valid iff it has at most N yes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.array(markArb, { minLength: 12, maxLength: 12 }), (m, n, ms) => {
        const s = spec('project', { n: m, maxYes: n });
        const marks = Object.fromEntries(ms.slice(0, m).map((mk, i) => [String(i + 1), mk]));
        const yes = ms.slice(0, m).filter((mk) => mk === 'yes').length;
        const r = validateBallot(s, { marks });
        expect(r.ok).toBe(yes <= n);
        if (!r.ok) expect(r.code).toBe('too_many_yes');
      }),
      { numRuns: 300 },
    );
  });

  it('an election ballot is valid iff yes + distinct, fresh write-ins fit the seats', () => {
    const nameArb = fc.constantFrom('赵六', '钱七', '孙八', '周九', '吴十');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(markArb, { minLength: 4, maxLength: 4 }), fc.uniqueArray(nameArb, { maxLength: 5 }), (seats, ms, names) => {
        const s = spec('election', { n: 4, maxYes: seats, allowWriteIn: true });
        const marks = Object.fromEntries(ms.map((mk, i) => [String(i + 1), mk]));
        const yes = ms.filter((mk) => mk === 'yes').length + names.length;
        expect(validateBallot(s, { marks, writeIns: names }).ok).toBe(yes <= seats);
      }),
      { numRuns: 300 },
    );
  });

  it('dropping any mark from a valid ballot makes it missing_mark', () => {
    fc.assert(
      fc.property(fc.array(markArb, { minLength: 1, maxLength: 8 }), fc.nat(), (ms, pick) => {
        const s = spec('project', { n: ms.length, maxYes: ms.length });
        const marks: Record<string, Mark> = Object.fromEntries(ms.map((mk, i) => [String(i + 1), mk]));
        expect(validateBallot(s, { marks }).ok).toBe(true);
        delete marks[String((pick % ms.length) + 1)];
        const r = validateBallot(s, { marks });
        expect(r.ok === false && r.code).toBe('missing_mark');
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateSpec', () => {
  it.each<[string, VoteSpec, string | null]>([
    ['a resolution', spec('resolution'), null],
    ['a project', spec('project'), null],
    ['an election', spec('election'), null],
    ['a rating without verdict rule', spec('rating'), null],
    ['no options', spec('project', { options: [] }), 'no_options'],
    ['id 0', spec('project', { options: options(2, [0, 1]) }), 'bad_option_id'],
    ['id 1.5', spec('project', { options: options(2, [1.5, 2]) }), 'bad_option_id'],
    ['duplicate ids', spec('project', { options: options(2, [4, 4]) }), 'duplicate_option_id'],
    ['a resolution with two motions', spec('resolution', { n: 2 }), 'resolution_options'],
    ['a project without N', spec('project', { maxYes: undefined }), 'bad_max_yes'],
    ['an election with 0 seats', spec('election', { maxYes: 0 }), 'bad_max_yes'],
    ['an election with 1.5 seats', spec('election', { maxYes: 1.5 }), 'bad_max_yes'],
    ['a zero denominator', spec('resolution', { passRule: { base: 'all', fraction: { num: 1, den: 0, strict: true } } }), 'bad_fraction'],
    [
      'a bad verdict fraction',
      spec('rating', { ratingVerdict: { base: 'all', satisfied: { num: -1, den: 2, strict: false }, basicallySatisfied: { num: 1, den: 2, strict: false } } }),
      'bad_fraction',
    ],
  ])('%s → %s', (_name, s, code) => {
    const r = validateSpec(s);
    if (code === null) expect(r).toEqual({ ok: true });
    else expect(r.ok === false && r.code).toBe(code);
  });
});

describe('names', () => {
  it.each([
    ['王芳', '王芳'],
    [' 王芳 ', '王芳'],
    ['王\u3000芳', '王芳'],
    ['王 芳', '王芳'],
    ['Ｌｉ Ｎａ', 'LiNa'],
    ['Li\tNa', 'LiNa'],
  ])('nameKey(%j) = %j', (raw, key) => {
    expect(nameKey(raw)).toBe(key);
  });

  it.each([
    ['  王芳 ', '王芳'],
    ['王\u3000\u3000芳', '王 芳'],
    ['Ｌｉ  Ｎａ', 'Li Na'],
  ])('displayName(%j) = %j', (raw, shown) => {
    expect(displayName(raw)).toBe(shown);
  });

  it('counts characters as code points', () => {
    expect(charLength('𠀀𠀀')).toBe(2);
    expect(charLength('王芳')).toBe(2);
  });
});
