/**
 * Which of many substrings a text holds, in one pass: `found[id]` is 1 exactly when
 * `text.includes(needles[id])`. The substring gates before a family of regular expressions (the
 * evidence cues, the crisis resources) searched the text once per needle, some ninety searches
 * per sentence; here each position is looked up by its first two code units (a table for ASCII)
 * and only the needles that begin so are compared.
 */
export class NeedleSet {
  private readonly needles: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Needles of one code unit, by that unit: ASCII at the unit (the id plus one), others in the map. */
  private readonly asciiSingle = new Int32Array(128);
  private readonly single = new Map<number, number>();
  /** Needles of two or more code units by their first two: ASCII pairs at `a * 128 + b`. */
  private readonly asciiPairs: (number[] | undefined)[] = new Array<number[] | undefined>(128 * 128).fill(undefined);
  private readonly otherPairs = new Map<number, number[]>();

  /** The id of a needle (the same for the same text), added when new. */
  add(needle: string): number {
    let id = this.ids.get(needle);
    if (id !== undefined) return id;
    id = this.needles.length;
    this.needles.push(needle);
    this.ids.set(needle, id);
    if (needle.length === 1) {
      const c = needle.charCodeAt(0);
      if (c < 128) this.asciiSingle[c] = id + 1;
      else this.single.set(c, id);
    } else if (needle.length > 1) {
      const a = needle.charCodeAt(0);
      const b = needle.charCodeAt(1);
      let list: number[] | undefined;
      if (a < 128 && b < 128) list = this.asciiPairs[a * 128 + b] ??= [];
      else {
        const key = a * 65536 + b;
        list = this.otherPairs.get(key);
        if (!list) this.otherPairs.set(key, (list = []));
      }
      list.push(id);
    }
    return id;
  }

  /** For each needle id, 1 when the text holds it. (An empty needle is in every text.) */
  scan(text: string): Uint8Array {
    const found = new Uint8Array(this.needles.length);
    const emptyId = this.ids.get('');
    if (emptyId !== undefined) found[emptyId] = 1;
    const n = text.length;
    if (n === 0) return found;
    const needles = this.needles;
    const asciiSingle = this.asciiSingle;
    const asciiPairs = this.asciiPairs;
    const wide = this.single.size > 0 || this.otherPairs.size > 0;
    let a = text.charCodeAt(0);
    for (let i = 0; i < n; i++) {
      const b = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      let list: number[] | undefined;
      if (a < 128) {
        const s = asciiSingle[a];
        if (s !== 0) found[s - 1] = 1;
        if (b >= 0 && b < 128) list = asciiPairs[a * 128 + b];
        else if (b >= 0 && wide) list = this.otherPairs.get(a * 65536 + b);
      } else if (wide) {
        const id = this.single.get(a);
        if (id !== undefined) found[id] = 1;
        if (b >= 0) list = this.otherPairs.get(a * 65536 + b);
      }
      if (list !== undefined) {
        for (let k = 0; k < list.length; k++) {
          const id = list[k];
          if (found[id] === 0 && text.startsWith(needles[id], i)) found[id] = 1;
        }
      }
      a = b;
    }
    return found;
  }
}
