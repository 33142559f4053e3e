/**
 * How deep JSON (or YAML flow) brackets nest, counted without recursion, so that input nested
 * past the limit gets a message naming the limit instead of "Maximum call stack size exceeded".
 */
export const MAX_NESTING = 100;

/** The deepest bracket nesting of the text, ignoring brackets inside double-quoted strings. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return max;
}

/** The message for input nested past the limit, or null. */
export function nestingProblem(text: string): string | null {
  const depth = nestingDepth(text);
  return depth > MAX_NESTING
    ? `nested ${depth} levels deep; the limit is ${MAX_NESTING} levels of [ ] and { }`
    : null;
}
