/**
 * caseStateOf folds a case's recorded stream (U4). It remembers the state after each whole stream
 * it folded, so a stream extended by an append folds only what was appended: the answer must be
 * the fold from scratch, whatever was folded before, and arrays that are not a whole stream must
 * never borrow a remembered state.
 */
import { aCase, stateOf } from '#domain/testing/index.js';
import { recordedCaseStream } from '../testing/recorded-case-stream.js';
import { caseStateOf } from './case-stream.js';

const history = aCase()
  .at('2026-03-02T10:00:00+08:00')
  .registered()
  .applied()
  .accepted()
  .completed()
  .events();

describe('caseStateOf', () => {
  it('given a stream folded step by step as appends extend it, then each answer is the fold from scratch', () => {
    const whole = recordedCaseStream(history);
    for (let length = 1; length <= whole.length; length++) {
      // The stream cache extends its array with the same event objects, as here.
      expect(caseStateOf(whole.slice(0, length))).toEqual(stateOf(history.slice(0, length)));
    }
    expect(caseStateOf(whole)).toEqual(stateOf(history));
  });

  it('given a longer stream was folded, when a shorter prefix of it is folded, then its own state', () => {
    const whole = recordedCaseStream(history);
    caseStateOf(whole);
    expect(caseStateOf(whole.slice(0, 2))).toEqual(stateOf(history.slice(0, 2)));
    expect(caseStateOf(whole.slice(0, 2)).status).not.toBe(caseStateOf(whole).status);
  });

  it('given the stream was folded, when a part not starting at revision 0 is folded, then no remembered state is used', () => {
    const whole = recordedCaseStream(history);
    caseStateOf(whole);
    const tail = whole.slice(1);
    expect(caseStateOf(tail)).toEqual(stateOf(history.slice(1)));
  });

  it('given another read of the same stream (new objects), then the same state', () => {
    caseStateOf(recordedCaseStream(history));
    expect(caseStateOf(recordedCaseStream(history))).toEqual(stateOf(history));
  });
});
