// Linking figures across documents by frame compatibility: the same quantity, scope and restriction,
// no conflicting slot, and a slot missing (or known only from the document) on either side matches
// only when the two documents share their salient place, incident or parties.
import type { Frame, FigureMember, Salience } from "./types";

export interface LinkItem {
  member: FigureMember;
  frame: Frame;
  salience: Salience;
}

/** The files whose items changed since the last clustering, and their items now. */
export interface ItemsChange {
  files: ReadonlySet<string>;
  items: LinkItem[];
}

/** The key a figure is bucketed under before linking; "" when it cannot be linked. */
export function bucketKey(f: Frame): string {
  return `${f.quantity}|${f.scope}|${f.extra}`;
}

interface Group {
  /** Creation order: among fitting groups of equal size, the first created is taken. */
  order: number;
  items: LinkItem[];
  owner: string;
  places: Set<string>;
  event: string;
  time: string;
  files: Set<string>;
  saliences: Salience[];
  /** The placement that last judged this group (each group is judged once per item). */
  seen: number;
  /** A copy of `items` as last handed out, kept while no item comes or goes. */
  snapshot: LinkItem[] | undefined;
  /** The index keys the group is listed under (GroupIndex). */
  keys: Set<string>;
}

/** Clusters the items of one bucket. The result depends only on the items, not on their order. */
export function clusterByFrame(items: LinkItem[]): LinkItem[][] {
  return new FrameClusters().cluster(() => items, items.length);
}

/** What one item's join changed, so that it can be undone exactly. */
interface Step {
  group: Group;
  created: boolean;
  owner: boolean;
  event: boolean;
  time: boolean;
  /** Places new to the group, index keys new to it, whether the item's file was new to it. */
  places: string[];
  keys: string[];
  file: boolean;
}

/**
 * The clustering of one bucket, kept between calls: clustering is greedy over the items in a
 * fixed order, so when the items change only from some position on, the joins before it stand.
 * The joins from that position are undone (each recorded as a Step) and the rest is clustered
 * again: the same groups as clustering from scratch, for the work of the changed tail.
 */
export class FrameClusters {
  private sorted: LinkItem[] = [];
  private steps: Step[] = [];
  private groups: Group[] = [];
  private readonly index = new GroupIndex();
  /** Counts placements: a group whose `seen` is the current one was judged for the item already. */
  private placements = 0;

  /**
   * Clusters the `count` items `all()` gives. With `change` (every other item is the object last
   * given, so it keeps its place), `all` is not read: the items before the first place the change
   * touches stand (found by binary search) and only the rest is merged again; the order is total
   * (rank, file, start), the same as sorting all.
   */
  cluster(all: () => LinkItem[], count: number, change?: ItemsChange): LinkItem[][] {
    const before = this.sorted;
    let from = 0;
    let sorted: LinkItem[];
    if (change && before.length > 0 && change.files.size * 8 < count) {
      const added = sortedItems(change.items);
      from = firstTouched(before, change.files, added);
      sorted = before.slice(0, from);
      const tail: LinkItem[] = [];
      for (let n = from; n < before.length; n++) if (!change.files.has(before[n]!.member.file)) tail.push(before[n]!);
      for (const x of mergeItems(tail, added)) sorted.push(x);
    } else sorted = sortedItems(all());
    while (from < sorted.length && from < before.length && sameItem(sorted[from]!, before[from]!)) from++;
    this.undoFrom(from);
    for (let n = from; n < sorted.length; n++) {
      const item = sorted[n]!;
      const previous = n > 0 ? sorted[n - 1]! : undefined;
      this.steps.push(
        previous && sameReading(previous, item) ? this.joinAgain(this.steps[n - 1]!.group, item) : this.place(item),
      );
    }
    this.sorted = sorted;
    // A group no item joined or left since the last call is the same array as then.
    return this.groups.map((g) => (g.snapshot ??= g.items.slice()));
  }

  /** Joins the n-th item to the largest fitting group (the first created among equals), or a new one. */
  private place(item: LinkItem): Step {
    const n = ++this.placements;
    const slots = local(item.frame);
    let best: Group | undefined;
    // Every group sharing a key with the item is judged once: a superset of the fitting groups,
    // so a bucket of many unrelated stories is clustered without judging every group for every figure.
    for (const key of lookupKeysOf(item, slots)) {
      const candidates = this.index.byKey.get(key);
      if (!candidates) continue;
      for (let i = 0; i < candidates.length; i++) {
        const g = candidates[i]!;
        if (g.seen === n) continue;
        g.seen = n;
        if (
          (!best ||
            g.items.length > best.items.length ||
            (g.items.length === best.items.length && g.order < best.order)) &&
          fits(g, item, slots)
        )
          best = g;
      }
    }
    const created = !best;
    if (!best)
      this.groups.push(
        (best = {
          order: this.groups.length,
          items: [],
          owner: "",
          places: new Set(),
          event: "",
          time: "",
          files: new Set(),
          saliences: [],
          seen: n,
          snapshot: undefined,
          keys: new Set(),
        }),
      );
    return join(best, item, slots, this.index, created);
  }

  /**
   * Joins an item that reads as the item placed just before it (same frame, salience and file) to
   * that item's group: nothing else changed since, that group only grew and fits it, so place()
   * would choose it again, and the join adds no slot, place or file to it.
   */
  private joinAgain(g: Group, item: LinkItem): Step {
    g.items.push(item);
    g.snapshot = undefined;
    return { group: g, created: false, owner: false, event: false, time: false, places: NONE, keys: NONE, file: false };
  }

  private undoFrom(from: number): void {
    while (this.steps.length > from) {
      const step = this.steps.pop()!;
      const g = step.group;
      const item = g.items.pop()!;
      g.snapshot = undefined; // not deleted: the group keeps its shape (fast property access)
      if (step.owner) g.owner = "";
      if (step.event) g.event = "";
      if (step.time) g.time = "";
      for (const p of step.places) g.places.delete(p);
      if (step.file) {
        g.files.delete(item.member.file);
        g.saliences.pop();
      }
      for (const key of step.keys) this.index.remove(key, g);
      if (step.created) this.groups.pop();
    }
  }
}

/** Most specific first, then by file and place in it. */
function byRankFilePlace(a: LinkItem, ra: number, b: LinkItem, rb: number): number {
  return rb - ra || cmp(a.member.file, b.member.file) || a.member.start - b.member.start;
}

function sortedItems(items: LinkItem[]): LinkItem[] {
  return items
    .map((item) => ({ item, rank: specificity(item.frame) }))
    .sort((a, b) => byRankFilePlace(a.item, a.rank, b.item, b.rank))
    .map((x) => x.item);
}

const inOrder = (a: LinkItem, b: LinkItem) => byRankFilePlace(a, specificity(a.frame), b, specificity(b.frame));

/** Two lists in clustering order as one. */
function mergeItems(a: LinkItem[], b: LinkItem[]): LinkItem[] {
  if (b.length === 0) return a;
  const out: LinkItem[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(inOrder(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * The first place of `sorted` that a change touches: an item of a changed file, or where the
 * first of the `added` items (in order) goes. Every item before it keeps its place.
 */
function firstTouched(sorted: readonly LinkItem[], files: ReadonlySet<string>, added: readonly LinkItem[]): number {
  let first = added.length > 0 ? lowerBound(sorted, added[0]!) : sorted.length;
  // A changed file's items sit at the places their (unchanged) frames sort to.
  for (const file of files) for (const item of itemsOfFile(sorted, file, first)) first = Math.min(first, item);
  return first;
}

/** The places before `limit` of a file's items: each found by binary search from its first rank. */
function itemsOfFile(sorted: readonly LinkItem[], file: string, limit: number): number[] {
  const places: number[] = [];
  // Items of one file are ordered by start within each rank: the earliest of each rank is enough.
  for (let rank = MAX_RANK; rank >= 0; rank--) {
    const at = lowerBoundKey(sorted, rank, file, -Infinity);
    if (at < limit && at < sorted.length && sorted[at]!.member.file === file && specificity(sorted[at]!.frame) === rank)
      places.push(at);
  }
  return places;
}

/** The first place in `sorted` whose item does not come before `item`. */
function lowerBound(sorted: readonly LinkItem[], item: LinkItem): number {
  return lowerBoundKey(sorted, specificity(item.frame), item.member.file, item.member.start);
}

function lowerBoundKey(sorted: readonly LinkItem[], rank: number, file: string, start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = sorted[mid]!;
    const r = specificity(x.frame);
    const before =
      r > rank || (r === rank && (x.member.file < file || (x.member.file === file && x.member.start < start)));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items place() treats alike: it reads only an item's frame, salience and file. */
const sameReading = (a: LinkItem, b: LinkItem) =>
  a.frame === b.frame && a.salience === b.salience && a.member.file === b.member.file;

/** The places and keys of a join that added none (never written to). */
const NONE: string[] = [];

const sameItem = (a: LinkItem, b: LinkItem) =>
  a.member === b.member && a.frame === b.frame && a.salience === b.salience;

/**
 * The index keys of the groups an item may fit, by what fits() accepts on: the same owner, the
 * same file, a place that meets one of the group's (its own or a salient one), a shared salient
 * incident or party. Made once per member (a member's frame and salience never change).
 */
function lookupKeysOf(item: LinkItem, x: Slots): string[] {
  const kept = lookupKeys.get(item.member);
  if (kept && kept.salience === item.salience) return kept.keys;
  // Repeated keys are harmless (place() judges a group once per item): no set is made per member.
  const keys: string[] = [];
  if (x.owner) keys.push(keyOf("o:", x.owner));
  keys.push(keyOf("f:", item.member.file));
  for (const p of x.places) for (const key of keysOfPlace(p).meets) keys.push(key);
  for (const key of salienceKeysOf(item.salience)) keys.push(key);
  lookupKeys.set(item.member, { salience: item.salience, keys });
  return keys;
}

/**
 * A place's keys, made once per place: those of the groups it meets (the place itself and the
 * places it is named within) and those a group holding it is indexed under (see GroupIndex).
 */
function keysOfPlace(place: string): { meets: readonly string[]; held: readonly string[] } {
  let keys = placeKeys.get(place);
  if (!keys) {
    const prefixes = boundaryPrefixes(place);
    keys = {
      meets: [`P:${place}`, ...prefixes.filter((x) => x !== place).map((x) => `X:${x}`)],
      held: [`X:${place}`, ...prefixes.map((x) => `P:${x}`)],
    };
    if (placeKeys.size < MAX_KEPT_KEYS) placeKeys.set(place, keys);
  }
  return keys;
}

/** A prefix and a name as one index key, made once per name (an owner, a file). */
function keyOf(prefix: "o:" | "f:", name: string): string {
  const kept = prefix === "o:" ? ownerKeys : fileKeys;
  let key = kept.get(name);
  if (key === undefined) {
    key = prefix + name;
    if (kept.size < MAX_KEPT_KEYS) kept.set(name, key);
  }
  return key;
}

const placeKeys = new Map<string, { meets: readonly string[]; held: readonly string[] }>();
const ownerKeys = new Map<string, string>();
const fileKeys = new Map<string, string>();
/** Each table of keys is bounded: odd input cannot grow it without limit. */
const MAX_KEPT_KEYS = 100_000;

/** A document's salient places, incidents and parties as lookup keys, made once per salience. */
function salienceKeysOf(s: Salience): readonly string[] {
  let keys = salienceKeys.get(s);
  if (!keys) {
    const out: string[] = [];
    for (const p of s.places) for (const key of keysOfPlace(p).meets) out.push(key);
    for (const e of s.events) out.push(`e:${e}`);
    for (const p of s.parties) out.push(`p:${p}`);
    salienceKeys.set(s, (keys = [...new Set(out)]));
  }
  return keys;
}

const salienceKeys = new WeakMap<Salience, readonly string[]>();
/** A member's keys and the salience they were made with (one entry per member). */
const lookupKeys = new WeakMap<FigureMember, { salience: Salience; keys: string[] }>();

/**
 * Groups by the keys lookupKeysOf() reads. A key's groups are an array, not a set (scanning it is
 * the clustering's inner loop): a group is added under a key at most once (its `keys`), and joins
 * are undone last first, so the group a key loses is always the last one it was given.
 */
class GroupIndex {
  readonly byKey = new Map<string, Group[]>();

  /** Indexes `g` under the keys of a place; the keys new to it are pushed to `added`. */
  addPlace(g: Group, place: string, added: string[]): void {
    for (const key of keysOfPlace(place).held) this.add(key, g, added);
  }

  add(key: string, g: Group, added: string[]): void {
    if (g.keys.has(key)) return;
    g.keys.add(key);
    const list = this.byKey.get(key);
    if (list) list.push(g);
    else this.byKey.set(key, [g]);
    added.push(key);
  }

  remove(key: string, g: Group): void {
    if (!g.keys.delete(key)) return;
    const list = this.byKey.get(key)!;
    if (list[list.length - 1] === g) list.pop();
    else list.splice(list.lastIndexOf(g), 1);
    if (list.length === 0) this.byKey.delete(key);
  }
}

/** "a-b-c" -> "a", "a-b", "a-b-c": the places a place is named within (placesMeet's prefixes). */
function boundaryPrefixes(place: string): string[] {
  const out: string[] = [];
  for (let i = place.indexOf("-"); i >= 0; i = place.indexOf("-", i + 1)) out.push(place.slice(0, i));
  out.push(place);
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The most slots specificity() counts. */
const MAX_RANK = 4;

/** Slots known from the figure's own sentence or paragraph. */
function specificity(f: Frame): number {
  let n = 0;
  if (f.owner) n++;
  if (f.places.length > 0 && f.levels.places !== "document") n++;
  if (f.event && f.levels.event !== "document") n++;
  if (f.time) n++;
  return n;
}

type Slots = { owner: string; places: readonly string[]; event: string; time: string };

const local = (f: Frame): Slots => ({
  owner: f.owner,
  places: f.levels.places === "document" ? [] : f.places,
  event: f.levels.event === "document" ? "" : f.event,
  time: f.time,
});

function fits(g: Group, item: LinkItem, x: Slots): boolean {
  if (x.owner && g.owner && x.owner !== g.owner) return false;
  if (x.event && g.event && x.event !== g.event) return false;
  if (x.time && g.time && x.time !== g.time) return false;
  if (x.places.length > 0 && g.places.size > 0 && !placesMeet(x.places, g.places)) return false;
  const complete =
    x.owner === g.owner && x.event === g.event && x.time === g.time && x.places.length > 0 && g.places.size > 0;
  // The same owner on both sides is a shared party ("Chad's soldiers" in both texts).
  const sameOwner = x.owner !== "" && x.owner === g.owner;
  return complete || sameOwner || g.files.has(item.member.file) || sharesContext(g, item.salience);
}

function join(g: Group, item: LinkItem, x: Slots, index: GroupIndex, created: boolean): Step {
  const step: Step = {
    group: g,
    created,
    owner: !g.owner && !!x.owner,
    event: !g.event && !!x.event,
    time: !g.time && !!x.time,
    places: [],
    keys: [],
    file: false,
  };
  g.items.push(item);
  g.snapshot = undefined; // not deleted: the group keeps its shape (fast property access)
  if (step.owner) index.add(keyOf("o:", x.owner), g, step.keys);
  if (step.owner) g.owner = x.owner;
  if (step.event) g.event = x.event;
  if (step.time) g.time = x.time;
  for (const p of x.places) {
    if (g.places.has(p)) continue;
    index.addPlace(g, p, step.keys);
    g.places.add(p);
    step.places.push(p);
  }
  if (!g.files.has(item.member.file)) {
    step.file = true;
    g.files.add(item.member.file);
    index.add(keyOf("f:", item.member.file), g, step.keys);
    // Only the saliences sharesContext() compares are indexed.
    if (g.saliences.length < MAX_COMPARED) {
      for (const p of item.salience.places) index.addPlace(g, p, step.keys);
      for (const e of item.salience.events) index.add(`e:${e}`, g, step.keys);
      for (const p of item.salience.parties) index.add(`p:${p}`, g, step.keys);
    }
    g.saliences.push(item.salience);
  }
  return step;
}

/** Two places meet when one names the other or a part of it ("xinjiang" and "xinjiang-uyghur-autonomous-region"). */
function placesMeet(a: Iterable<string>, b: Iterable<string>): boolean {
  for (const x of a) for (const y of b) if (x === y || namedWithin(x, y) || namedWithin(y, x)) return true;
  return false;
}

/** `place` starts with `within` and a hyphen (made without a string per comparison). */
const namedWithin = (place: string, within: string) =>
  place.length > within.length && place.charCodeAt(within.length) === HYPHEN && place.startsWith(within);

const HYPHEN = 0x2d;

/** At most this many documents of a group are compared with a newcomer (bounded work). */
const MAX_COMPARED = 64;

function sharesContext(g: Group, s: Salience): boolean {
  for (let i = 0; i < Math.min(g.saliences.length, MAX_COMPARED); i++)
    if (sharedSalience(g.saliences[i]!, s)) return true;
  return false;
}

/** Documents share context when they share a salient place or incident, or two salient parties. */
export function sharedSalience(a: Salience, b: Salience): boolean {
  if (placesMeet(a.places, b.places)) return true;
  if (a.events.some((e) => b.events.includes(e))) return true;
  let parties = 0;
  for (const p of a.parties) if (b.parties.includes(p)) parties++;
  return parties >= 2;
}
