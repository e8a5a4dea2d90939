/**
 * Sets of document numbers as bitsets (one bit a document) and their stored form: a posting
 * list is kept as sorted 32-bit document numbers when sparse, as the bitset itself when dense
 * (more than one document in 32), whichever is smaller.
 */

export type Bitset = Uint32Array;

export const POSTINGS_LIST = 0;
export const POSTINGS_BITS = 1;

export function words(size: number): number {
  return (size + 31) >>> 5;
}

export function emptySet(size: number): Bitset {
  return new Uint32Array(words(size));
}

export function fullSet(size: number): Bitset {
  const set = new Uint32Array(words(size)).fill(0xffffffff);
  const extra = set.length * 32 - size;
  if (extra > 0) set[set.length - 1] = 0xffffffff >>> extra;
  return set;
}

export function popcount32(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function cardinality(set: Bitset): number {
  let n = 0;
  for (let i = 0; i < set.length; i += 1) {
    const w = set[i]!;
    if (w !== 0) n += popcount32(w);
  }
  return n;
}

/** a ∧= b */
export function andInto(a: Bitset, b: Bitset): Bitset {
  for (let i = 0; i < a.length; i += 1) a[i]! &= b[i]!;
  return a;
}

/** a ∨= b */
export function orInto(a: Bitset, b: Bitset): Bitset {
  for (let i = 0; i < a.length; i += 1) a[i]! |= b[i]!;
  return a;
}

export function has(set: Bitset, doc: number): boolean {
  return (set[doc >>> 5]! & (1 << (doc & 31))) !== 0;
}

/** Calls `visit` for every document of the set, in increasing order. */
export function forEach(set: Bitset, visit: (doc: number) => void): void {
  for (let i = 0; i < set.length; i += 1) {
    let w = set[i]!;
    while (w !== 0) {
      const low = w & -w;
      visit((i << 5) + 31 - Math.clz32(low));
      w ^= low;
    }
  }
}

/** Sorted document numbers → stored blob (kind + bytes). */
export function encodePostings(docs: Uint32Array, size: number): { kind: number; blob: Buffer } {
  if (docs.length * 32 > size) {
    const set = emptySet(size);
    for (let i = 0; i < docs.length; i += 1) {
      const d = docs[i]!;
      set[d >>> 5]! |= 1 << (d & 31);
    }
    return { kind: POSTINGS_BITS, blob: Buffer.from(set.buffer, set.byteOffset, set.byteLength) };
  }
  return { kind: POSTINGS_LIST, blob: Buffer.from(docs.buffer, docs.byteOffset, docs.byteLength) };
}

/** A bitset (dense) as the smaller stored form. */
export function encodeSet(set: Bitset, size: number): { kind: number; blob: Buffer; count: number } {
  const count = cardinality(set);
  if (count * 32 > size) return { kind: POSTINGS_BITS, blob: Buffer.from(set.buffer, set.byteOffset, set.byteLength), count };
  const docs = new Uint32Array(count);
  let n = 0;
  forEach(set, (doc) => {
    docs[n++] = doc;
  });
  return { kind: POSTINGS_LIST, blob: Buffer.from(docs.buffer), count };
}

/** A typed view of a blob's bytes, copied when the bytes are not aligned. */
export function u32(blob: Uint8Array): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >>> 2);
  return new Uint32Array(Uint8Array.prototype.slice.call(blob).buffer);
}

/** A stored posting list ORed into `set`. */
export function addPostings(set: Bitset, kind: number, blob: Uint8Array): void {
  const data = u32(blob);
  if (kind === POSTINGS_BITS) {
    const n = Math.min(set.length, data.length);
    for (let i = 0; i < n; i += 1) set[i]! |= data[i]!;
    return;
  }
  for (let i = 0; i < data.length; i += 1) {
    const d = data[i]!;
    set[d >>> 5]! |= 1 << (d & 31);
  }
}

/** A growable list of increasing document numbers (postings while indexing). */
export class DocList {
  data = new Uint32Array(4);
  length = 0;

  push(doc: number): void {
    if (this.length > 0 && this.data[this.length - 1] === doc) return;
    if (this.length === this.data.length) {
      const next = new Uint32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = doc;
  }

  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}
