/** Orders strings as the key columns collate: by UTF-8 bytes, i.e. by code point (migrations/columnTypes.ts). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Exclusive upper bound of the strings starting with p, in byte order
 * (UTF-8, i.e. code point order): p with its last code point below U+10FFFF
 * incremented and any trailing U+10FFFF dropped. (p + U+10FFFF is not an
 * upper bound: "p\u{10FFFF}" itself starts with p.) Undefined when no bound
 * exists (p empty or all U+10FFFF).
 */
export function prefixEnd(p: string): string | undefined {
  const points = Array.from(p);
  for (let last = points.pop(); last !== undefined; last = points.pop()) {
    const code = last.codePointAt(0) ?? 0;
    // Skip the surrogate block: U+D800..U+DFFF are not characters and do not encode in UTF-8.
    if (code < 0x10ffff) return points.join("") + String.fromCodePoint(code === 0xd7ff ? 0xe000 : code + 1);
  }
  return undefined;
}
