// The parts of the engine's contradiction list (Corpus.contradictionParts) that an index has taken
// in, by identity, with their places in the list. After a typing pause a handful of the
// workspace's thousands of parts are new arrays: telling which came and went by marking the known
// ones costs one lookup per part, where making a Set and a Map of all of them again cost more
// (10,000 files, 7,814 parts, 20 remade per edit: 2–10 ms for the two, with their garbage).

export interface PartsChange<P> {
  /** Parts not known before, in the list's order. */
  came: P[];
  /** Known parts no longer in the list. */
  went: P[];
  /** Whether a part that stayed moved to another place. */
  moved: boolean;
}

export class KnownParts<P extends object> {
  private readonly places = new Map<P, { index: number; mark: number }>();
  private marks = 0;
  private last: readonly P[] | undefined;

  constructor(parts: readonly P[] = []) {
    this.take(parts);
  }

  /** The place of a known part in the list last taken (undefined: not known). */
  indexOf(part: P): number | undefined {
    return this.places.get(part)?.index;
  }

  /** Whether `parts` are the parts known (in any order). */
  same(parts: readonly P[]): boolean {
    if (parts === this.last) return true;
    return parts.length === this.places.size && parts.every((part) => this.places.has(part));
  }

  /** Takes `parts` in as the list now: what came, went and moved since the last take. */
  take(parts: readonly P[]): PartsChange<P> {
    const mark = ++this.marks;
    const came: P[] = [];
    let moved = false;
    let stayed = 0;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index]!;
      const place = this.places.get(part);
      if (!place) {
        this.places.set(part, { index, mark });
        came.push(part);
        continue;
      }
      if (place.mark === mark) continue; // listed twice: the first place holds
      if (place.index !== index) moved = true;
      place.index = index;
      place.mark = mark;
      stayed++;
    }
    const went: P[] = [];
    if (this.places.size > stayed + came.length)
      for (const [part, place] of this.places)
        if (place.mark !== mark) {
          this.places.delete(part);
          went.push(part);
        }
    this.last = parts;
    return { came, went, moved };
  }
}
