/** FNV-1a hash of a string: a stable seed from a question id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG, so server and browser render the same order. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Shuffles deterministically by `seed`. With `avoidIdentity`, never returns the input order
 * (for ordering questions, which would otherwise start solved).
 */
export function seededShuffle<T>(items: readonly T[], seed: string, avoidIdentity = false): T[] {
  const random = prng(hash(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (avoidIdentity && out.length > 1 && out.every((item, i) => item === items[i]))
    out.push(out.shift()!);
  return out;
}
