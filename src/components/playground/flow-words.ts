/**
 * `-m=2` explanation lines in plain words. gc writes a chain of `flow: dst ← src:` lines, each
 * followed by `from <expression> (<why>) at <position>` lines; the playground shows both the
 * plain reading and gc's own text, so nothing is lost in translation.
 */

/** What gc's notes (the word in parentheses) mean. */
const reasons: Record<string, string> = {
  'address-of': 'its address is taken',
  return: 'it is returned, so the caller can still reach it',
  assign: 'it is assigned',
  'assign-pair': 'it is assigned',
  'assign-pair-dot-type': 'it is assigned from a type assertion',
  'assign-pair-mapr': 'it is assigned from a map read',
  'assign-pair-receive': 'it is assigned from a channel receive',
  'call parameter': 'it is passed to a function parameter',
  'call argument': 'it is passed as an argument',
  'callee operand': 'it is the function being called',
  'captured by a closure': 'a closure captures it',
  'interface-converted': 'it is converted to an interface',
  spill: 'it is stored in a temporary',
  'slice-literal-element': 'it is an element of a slice literal',
  'array literal element': 'it is an element of an array literal',
  'struct literal element': 'it is a field of a struct literal',
  'key of map put': 'it is used as a map key',
  value: 'it is stored as a value',
  dot: 'a field of it is used',
  'dot of pointer': 'a field is read through a pointer',
  indirection: 'it is read through a pointer',
  slice: 'it is sliced',
  'appendee slice': 'it is the slice being appended to',
  'copied slice': 'it is the source of a copy',
  range: 'it is ranged over',
  'range-deref': 'its elements are ranged over',
  reference: 'it is referenced',
  'switch case': 'it is a switch case value',
  'fixed-array-index-of': 'an element of the array is used',
  'slice-to-array': 'it is converted from a slice to an array',
};

/** How gc names a location, in words. */
function locationWords(location: string): string {
  if (location === '{heap}') return 'the heap';
  if (location === '{temp}') return 'a temporary';
  const result = /^~r(\d+)$/.exec(location);
  if (result !== null) return result[1] === '0' ? 'the result' : `result ${Number(result[1]) + 1}`;
  const storage = /^\{storage for (.+)\}$/.exec(location);
  if (storage !== null) return `the storage for ${storage[1]}`;
  return location;
}

/** The plain-words reading of one explanation step, or undefined when gc's text is already plain. */
export function plainFlowStep(text: string): string | undefined {
  const flow = /^flow: (.+?) ← ([&*]*)(.+):$/.exec(text.trim());
  if (flow !== null) {
    const [, destination, operators, source] = flow;
    const what =
      operators === '&'
        ? `the address of ${locationWords(source!)}`
        : operators === ''
          ? locationWords(source!)
          : operators === '*'
            ? `the value ${source} points to`
            : `${operators}${source}`;
    return `${what} flows into ${locationWords(destination!)}`;
  }
  const from = /^from (.+) \(([^()]+)\)(?: at .+)?$/.exec(text.trim());
  if (from !== null) {
    const reason = reasons[from[2]!];
    return reason === undefined ? undefined : `${from[1]}: ${reason}`;
  }
  return undefined;
}
