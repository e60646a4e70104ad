import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  danishLabel,
  degreeScale,
  evaluationInstruments,
  evaluationQuestions,
  evaluationScales,
  findOption,
  instrumentForYear,
  questionByKey,
  questionKeys,
  satisfactionScale,
  yesNoScale,
} from './instrument.ts';
import { responseCsvColumns } from './responses-csv.ts';

describe('the evaluation instrument as data (03-evaluation.md, The instrument)', () => {
  it('has one question per key, each with a responses-CSV column and a known scale', () => {
    assert.deepEqual(evaluationQuestions.map((q) => q.key), [...questionKeys]);
    assert.equal(questionKeys.length, 13);
    assert.deepEqual(evaluationQuestions.map((q) => q.column), responseCsvColumns.slice(8));
    for (const question of evaluationQuestions) assert.ok(evaluationScales[question.scale], question.key);
    assert.equal(questionByKey('usedReferral').askedWhen?.question, 'referred');
    assert.equal(questionByKey('effect.salesMarketing').da, 'Hvordan har brugen af Erhvervshuset/forløbet påvirket virksomhedens udvikling: salg og/eller marketing');
  });

  it('has the 2019-2020 instrument with the 7 effect items and the 2021-2023 one without them', () => {
    assert.deepEqual(evaluationInstruments.map((i) => [i.id, i.fromYear, i.toYear]), [
      ['2019-2020', 2019, 2020],
      ['2021-2023', 2021, 2023],
    ]);
    assert.equal(instrumentForYear(2019)?.questions.filter((q) => q.startsWith('effect.')).length, 7);
    assert.equal(instrumentForYear(2020)?.id, '2019-2020');
    assert.deepEqual(instrumentForYear(2023)?.questions, ['recommend', 'staffCompetence', 'expectedEffect', 'referred', 'usedReferral', 'digitalGuidance']);
    assert.equal(instrumentForYear(2018), null);
    assert.equal(instrumentForYear(2024), null);
  });

  const labelCases: [scale: typeof degreeScale | typeof satisfactionScale | typeof yesNoScale, text: string, key: string | null][] = [
    [satisfactionScale, 'Meget tilfreds', 'veryPleased'],
    [satisfactionScale, '  MEGET   tilfreds ', 'veryPleased'],
    [satisfactionScale, 'hverken / eller', 'neutral'],
    [satisfactionScale, 'HVERKEN/ELLER', 'neutral'],
    [satisfactionScale, 'Very satisfied', 'veryPleased'],
    [satisfactionScale, 'ved ikke', 'dontKnow'],
    [satisfactionScale, 'Meget tilfredse', null],
    [degreeScale, 'i høj grad', 'high'],
    [degreeScale, 'I HØJ GRAD', 'high'],
    [degreeScale, 'I nogen  grad', 'some'],
    [degreeScale, 'slet ikke', 'notAtAll'],
    [degreeScale, 'Tilfreds', null],
    [yesNoScale, 'JA', 'yes'],
    [yesNoScale, 'nej', 'no'],
    [yesNoScale, 'yes', 'yes'],
    [yesNoScale, 'måske', null],
  ];
  for (const [scale, text, key] of labelCases) {
    it(`matches "${text}" on the ${scale.id} scale to ${key ?? 'nothing'}`, () => {
      assert.equal(findOption(scale, text), key);
    });
  }

  it('gives the Danish label of an answer', () => {
    assert.equal(danishLabel(degreeScale, 'dontKnow'), 'Ved ikke');
    assert.equal(danishLabel(satisfactionScale, 'veryPleased'), 'Meget tilfreds');
  });
});
