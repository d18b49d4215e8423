import { describe, expect, it } from 'vitest';
import { plainFlowStep } from '../../src/components/playground/flow-words.ts';

describe('-m=2 steps in plain words', () => {
  it('reads flow lines', () => {
    expect(plainFlowStep('flow: ~r0 ← &p:')).toBe('the address of p flows into the result');
    expect(plainFlowStep('flow: {heap} ← x:')).toBe('x flows into the heap');
    expect(plainFlowStep('flow: ~r1 ← *q:')).toBe('the value q points to flows into result 2');
    expect(plainFlowStep('flow: sink ← {storage for &T{...}}:')).toBe('the storage for &T{...} flows into sink');
  });

  it('reads note lines by their reason', () => {
    expect(plainFlowStep('from &p (address-of) at ./main.go:8:9')).toBe('&p: its address is taken');
    expect(plainFlowStep('from return &p (return) at ./main.go:8:2')).toBe('return &p: it is returned, so the caller can still reach it');
    expect(plainFlowStep('from sink = r (assign) at ./main.go:9:7')).toBe('sink = r: it is assigned');
  });

  it('leaves text it does not recognise alone', () => {
    expect(plainFlowStep('from x (some new note) at ./main.go:1:1')).toBeUndefined();
    expect(plainFlowStep('p escapes to heap in newPoint:')).toBeUndefined();
  });
});
