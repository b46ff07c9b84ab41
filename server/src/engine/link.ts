// Linking figures across documents by frame compatibility: the same quantity, scope and restriction,
// no conflicting slot, and a slot missing (or known only from the document) on either side matches
// only when the two documents share their salient place, incident or parties.
import type { Frame, FigureMember, Salience } from "./types";

export interface LinkItem {
  member: FigureMember;
  frame: Frame;
  salience: Salience;
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
  /** The item last judged against this group (each group is judged once per item). */
  seen: number;
}

/** Clusters the items of one bucket. The result depends only on the items, not on their order. */
export function clusterByFrame(items: LinkItem[]): LinkItem[][] {
  const sorted = items
    .map((item) => ({ item, rank: specificity(item.frame) }))
    .sort(
      (a, b) =>
        b.rank - a.rank || cmp(a.item.member.file, b.item.member.file) || a.item.member.start - b.item.member.start,
    );
  const groups: Group[] = [];
  const index = new GroupIndex();
  for (let n = 0; n < sorted.length; n++) {
    const item = sorted[n]!.item;
    const slots = local(item.frame);
    let best: Group | undefined;
    // Every group sharing a key with the item is judged once: a superset of the fitting groups,
    // so a bucket of many unrelated stories is clustered without judging every group for every figure.
    for (const key of lookupKeysOf(item, slots)) {
      const candidates = index.byKey.get(key);
      if (!candidates) continue;
      for (const g of candidates) {
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
    if (!best)
      groups.push(
        (best = {
          order: groups.length,
          items: [],
          owner: "",
          places: new Set(),
          event: "",
          time: "",
          files: new Set(),
          saliences: [],
          seen: n,
        }),
      );
    join(best, item, slots, index);
  }
  return groups.map((g) => g.items);
}

/**
 * The index keys of the groups an item may fit, by what fits() accepts on: the same owner, the
 * same file, a place that meets one of the group's (its own or a salient one), a shared salient
 * incident or party. Made once per member (a member's frame and salience never change).
 */
function lookupKeysOf(item: LinkItem, x: Slots): string[] {
  let keys = lookupKeys.get(item.member);
  if (keys && lookupSalience.get(item.member) === item.salience) return keys;
  const out = new Set<string>();
  if (x.owner) out.add(`o:${x.owner}`);
  out.add(`f:${item.member.file}`);
  const meeting = (place: string) => {
    out.add(`P:${place}`);
    for (const prefix of boundaryPrefixes(place)) if (prefix !== place) out.add(`X:${prefix}`);
  };
  for (const p of x.places) meeting(p);
  for (const p of item.salience.places) meeting(p);
  for (const e of item.salience.events) out.add(`e:${e}`);
  for (const p of item.salience.parties) out.add(`p:${p}`);
  keys = [...out];
  lookupKeys.set(item.member, keys);
  lookupSalience.set(item.member, item.salience);
  return keys;
}

const lookupKeys = new WeakMap<FigureMember, string[]>();
const lookupSalience = new WeakMap<FigureMember, Salience>();

/** Groups by the keys lookupKeysOf() reads. */
class GroupIndex {
  readonly byKey = new Map<string, Set<Group>>();

  addPlace(g: Group, place: string): void {
    this.add(`X:${place}`, g);
    for (const prefix of boundaryPrefixes(place)) this.add(`P:${prefix}`, g);
  }

  add(key: string, g: Group): void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(g);
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

function join(g: Group, item: LinkItem, x: Slots, index: GroupIndex): void {
  g.items.push(item);
  if (!g.owner && x.owner) index.add(`o:${x.owner}`, g);
  if (!g.owner) g.owner = x.owner;
  if (!g.event) g.event = x.event;
  if (!g.time) g.time = x.time;
  for (const p of x.places) {
    if (!g.places.has(p)) index.addPlace(g, p);
    g.places.add(p);
  }
  if (!g.files.has(item.member.file)) {
    g.files.add(item.member.file);
    index.add(`f:${item.member.file}`, g);
    // Only the saliences sharesContext() compares are indexed.
    if (g.saliences.length < MAX_COMPARED) {
      for (const p of item.salience.places) index.addPlace(g, p);
      for (const e of item.salience.events) index.add(`e:${e}`, g);
      for (const p of item.salience.parties) index.add(`p:${p}`, g);
    }
    g.saliences.push(item.salience);
  }
}

/** Two places meet when one names the other or a part of it ("xinjiang" and "xinjiang-uyghur-autonomous-region"). */
function placesMeet(a: Iterable<string>, b: Iterable<string>): boolean {
  for (const x of a) for (const y of b) if (x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`)) return true;
  return false;
}

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
