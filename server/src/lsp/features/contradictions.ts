// provenance/contradictions: the workspace's contradictions (or those touching one document), a
// page at a time, in a stable order; each item shows the first few members of each side and
// counts the rest. provenance/contradictionMembers pages through one contradiction's members.
// The sorted list is kept across corpus versions (only the engine's changed parts are read), so
// a recomputation and later pages cost only what changed and their own items;
// reviewers' verdicts are looked up only for the members a page shows.
import { Buffer } from "node:buffer";
import { ErrorCodes, LSPErrorCodes, ResponseError } from "vscode-languageserver";
import { contradictionSummary, cyrb53Parts, type Contradiction, type ContradictionMember } from "../../engine";
import {
  CONTRADICTION_MEMBERS_DEFAULT_PAGE_SIZE,
  CONTRADICTION_MEMBERS_MAX_PAGE_SIZE,
  CONTRADICTION_MEMBERS_PER_SIDE,
  CONTRADICTIONS_DEFAULT_PAGE_SIZE,
  CONTRADICTIONS_MAX_PAGE_SIZE,
  CONTRADICTIONS_PAGE_BYTES,
  ContradictionMembersRequest,
  ContradictionsRequest,
  type ContradictionItem,
  type ContradictionMemberItem,
  type ContradictionMembersParams,
  type ContradictionMembersResult,
  type ContradictionsParams,
  type ContradictionsResult,
} from "../../protocol";
import { workspaceReady } from "../ready";
import { describeError, guarded } from "../safe";
import type { Services } from "../services";
import type { SourceIndex } from "../sources";
import { jsonByteLength } from "../jsonBytes";
import { KnownParts } from "../knownParts";
import { memberVerdict } from "./reviews";
import { canonicalUri } from "../uris";

export function registerContradictions(services: Services): void {
  services.connection.onRequest(
    ContradictionsRequest,
    guarded(
      services.log,
      "provenance/contradictions",
      { contradictions: [], total: 0 },
      async (params: ContradictionsParams | null | undefined) => {
        const uri = params?.uri ? canonicalUri(params.uri) : undefined;
        const pageSize = pageSizeOf(params?.pageSize, CONTRADICTIONS_DEFAULT_PAGE_SIZE, CONTRADICTIONS_MAX_PAGE_SIZE);
        const cursor = params?.cursor === undefined ? undefined : decodeListCursor(params.cursor);
        await workspaceReady(services, params?.uri);
        return contradictionsPage(services, uri, pageSize, cursor);
      },
    ),
  );
  services.connection.onRequest(
    ContradictionMembersRequest,
    guarded(
      services.log,
      "provenance/contradictionMembers",
      { members: [], total: 0 },
      async (params: ContradictionMembersParams) => {
        if (typeof params?.id !== "string")
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            "provenance/contradictionMembers needs the id of a contradiction",
          );
        const pageSize = pageSizeOf(
          params.pageSize,
          CONTRADICTION_MEMBERS_DEFAULT_PAGE_SIZE,
          CONTRADICTION_MEMBERS_MAX_PAGE_SIZE,
        );
        const offset = params.cursor === undefined ? 0 : decodeMembersCursor(params.cursor, params.id);
        await workspaceReady(services);
        return membersPage(services, params.id, pageSize, offset);
      },
    ),
  );
  services.sources.onDidChange(() => primeWhenIdle(services));
}

// ---- Priming ----

/** The priming waiting or under way for each source index (a newer one replaces it). */
const priming = new WeakMap<SourceIndex, { timer?: NodeJS.Timeout }>();

/**
 * After a corpus change (the end of indexing, a flush after edits) and PRIMING_QUIET_MS without
 * another, the server works the listing out while idle, a step per turn of the event loop, so a
 * request that comes later finds it ready. While edits keep coming nothing is primed (a step is
 * not cut in the middle, and an edit must not wait behind one: the engine's computation of the
 * contradictions is one step). Each step first lets waiting messages through; a change or a
 * pending edit stops the priming, and the change event after it starts the wait again. Nothing
 * computed is lost: each step is cached by corpus version and incremental.
 */
function primeWhenIdle(services: Services): void {
  const { sources } = services;
  clearTimeout(priming.get(sources)?.timer);
  const run: { timer?: NodeJS.Timeout } = {};
  priming.set(sources, run);
  const generation = sources.generation;
  const steps = [
    () => sources.contradictionParts(),
    () => entriesOf(listingOf(sources)),
    () => sources.indexContradictions(),
  ];
  let working = 0;
  let started = 0;
  const next = (i: number) =>
    setImmediate(() => {
      if (priming.get(sources) !== run) return;
      if (i === steps.length || sources.generation !== generation || services.open.editing()) {
        priming.delete(sources);
        if (i === steps.length && working >= PRIMING_LOG_MS)
          services.log.info(
            `Provenance: contradictions worked out while idle: ${working} ms of work, ready ${Date.now() - started} ms after the quiet began`,
          );
        return;
      }
      try {
        const stepStarted = Date.now();
        steps[i]!();
        working += Date.now() - stepStarted;
      } catch (error) {
        services.log.error(`Provenance: priming the contradictions failed: ${describeError(error)}`);
        priming.delete(sources);
        return;
      }
      next(i + 1);
    });
  run.timer = setTimeout(() => {
    started = Date.now();
    next(0);
  }, PRIMING_QUIET_MS);
  run.timer.unref();
}

/** How long the corpus stays unchanged before the listing is primed (typing pauses are shorter). */
const PRIMING_QUIET_MS = 1500;

/** A priming that took this long says so in the log (the one after indexing, on a large workspace). */
const PRIMING_LOG_MS = 500;

// ---- The sorted list, once per corpus version ----

/** Order: kind, subject, first member of side "a", first member of side "b", id (a total order). */
type SortKey = [
  kind: string,
  subject: string,
  aFile: string,
  aStart: number,
  bFile: string,
  bStart: number,
  id: string,
];

/**
 * A listed contradiction with its id. Its sort key is made from the contradiction when compared
 * (a hundred thousand tuples, or the key's fields kept per entry, were a tenth of the listing's
 * bytes); a sort of many entries makes each key once (inKeyOrder, sortedByKey).
 */
class Entry {
  /** The last update that found its contradiction in a part that came (see updateListing). */
  seen = 0;

  constructor(
    readonly id: string,
    /** Replaced by an equal one made again (same id and order: see updateListing). */
    public contradiction: Contradiction,
  ) {}

  get key(): SortKey {
    return sortKey(this.contradiction, this.id);
  }
}

/** `entries` sorted by key, each key made once. */
function inKeyOrder(entries: Entry[]): Entry[] {
  return entries
    .map((entry) => ({ key: entry.key, entry }))
    .sort((x, y) => compareKeys(x.key, y.key))
    .map(({ entry }) => entry);
}

interface Listing {
  /** The parts of the engine's list these entries were made from (Corpus.contradictionParts). */
  parts: KnownParts<readonly Contradiction[]>;
  /** Names this list: equal digests, equal lists (a new one whenever an entry comes or goes). */
  digest: string;
  /** In order, as of the last merge: read it through entriesOf. */
  entries: Entry[];
  /**
   * Entries gone and come since `entries` was merged: merged when the whole list is read (its
   * pages, cursors, priming), not for a file's page, which reads only the file's entries.
   */
  unmerged?: { gone: Set<Entry>; added: Set<Entry> };
  byContradiction: Map<Contradiction, Entry>;
  byId: Map<string, Entry>;
  /** The content ids that more than one contradiction has, with how many (the others have suffixed ids, see uniqueId). */
  shared: Map<string, number>;
  /** The last document-filtered list asked for (its later pages are asked for next). */
  filtered?: { uri: string; entries: Entry[] };
}

const listings = new WeakMap<SourceIndex, Listing>();

/**
 * The sorted list for the current corpus. After a change only the parts of the engine's list that
 * changed are read: their new contradictions are inserted in order and the ones gone are taken
 * out, so a recomputation costs in proportion to what changed (plus moving array slots).
 */
function listingOf(sources: SourceIndex): Listing {
  const parts = sources.contradictionParts();
  let listing = listings.get(sources);
  if (!listing) {
    // A first page was shown from these parts: the list it began is built (its digest kept), then brought up to date.
    const shown = firstShown.get(sources);
    firstShown.delete(sources);
    listing = buildListing(shown?.parts ?? parts, shown?.digest);
    listings.set(sources, listing);
  }
  if (!listing.parts.same(parts)) {
    const updated = updateListing(listing, parts);
    if (!updated) listings.set(sources, (listing = buildListing(parts)));
  }
  return listing;
}

/** The whole sorted list with ids, as pages show it (for tests: kept incrementally, equal to one built afresh). */
export function sortedContradictions(sources: SourceIndex): Array<{ id: string; contradiction: Contradiction }> {
  return entriesOf(listingOf(sources)).map(({ id, contradiction }) => ({ id, contradiction }));
}

/** For tests: the listing brought to the current corpus as a file's page brings it (its whole list not merged). */
export function updateListingOnly(sources: SourceIndex): void {
  listingOf(sources);
}

/** For tests: the whole sorted list `parts` make, and the first `count` of it as the first page selects them. */
export function listedFromParts(
  parts: ReadonlyArray<readonly Contradiction[]>,
  count?: number,
): Array<{ id: string; contradiction: Contradiction }> {
  const entries = count === undefined ? buildListing(parts).entries : firstEntries(parts, count);
  return entries.map(({ id, contradiction }) => ({ id, contradiction }));
}

let listingSerial = 0;
/** Digests of lists of an earlier server never equal this one's. */
const LISTING_NONCE = Date.now().toString(36);
const nextDigest = () => `${LISTING_NONCE}.${++listingSerial}`;

function buildListing(parts: ReadonlyArray<readonly Contradiction[]>, digest = nextDigest()): Listing {
  const byId = new Map<string, Entry>();
  const shared = new Map<string, number>();
  const byContradiction = new Map<Contradiction, Entry>();
  const entries: Entry[] = [];
  for (const part of parts)
    for (const contradiction of part) {
      const base = contentId(contradiction);
      let id = base;
      // A content id has no "-": a suffixed id never takes the place of a content id.
      if (byId.has(base)) {
        shared.set(base, (shared.get(base) ?? 1) + 1);
        id = uniqueId(byId, base);
      }
      const entry = new Entry(id, contradiction);
      byId.set(id, entry);
      byContradiction.set(contradiction, entry);
      entries.push(entry);
    }
  return { parts: new KnownParts(parts), digest, entries: sortedByKey(entries), byContradiction, byId, shared };
}

/**
 * `entries` in key order, sorted on numbers: each key's strings replaced by their rank among the
 * list's strings (the file names share long prefixes: comparing them was most of a sort). The
 * key's fields are read once per entry into flat arrays, no tuple made per entry.
 */
function sortedByKey(entries: Entry[]): Entry[] {
  const strings: string[] = new Array<string>(entries.length * STRING_FIELDS);
  const starts = new Float64Array(entries.length * 2);
  entries.forEach(({ contradiction: c }, e) => {
    const { a, b } = firstOfSides(c);
    strings[e * STRING_FIELDS] = c.kind;
    strings[e * STRING_FIELDS + 1] = c.subject ?? "";
    strings[e * STRING_FIELDS + 2] = a?.file ?? "";
    strings[e * STRING_FIELDS + 3] = b?.file ?? "";
    starts[e * 2] = a?.start ?? 0;
    starts[e * 2 + 1] = b?.start ?? 0;
  });
  const rank = new Map<string, number>();
  for (const text of strings) rank.set(text, 0);
  [...rank.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).forEach((text, i) => rank.set(text, i));
  // The numbers in the key's order: kind, subject, first file of side a, its start, of side b, its start.
  const numbers = new Float64Array(entries.length * 6);
  for (let e = 0; e < entries.length; e++) {
    const at = e * STRING_FIELDS;
    numbers[e * 6] = rank.get(strings[at]!)!;
    numbers[e * 6 + 1] = rank.get(strings[at + 1]!)!;
    numbers[e * 6 + 2] = rank.get(strings[at + 2]!)!;
    numbers[e * 6 + 3] = starts[e * 2]!;
    numbers[e * 6 + 4] = rank.get(strings[at + 3]!)!;
    numbers[e * 6 + 5] = starts[e * 2 + 1]!;
  }
  const order = Array.from(entries, (_, e) => e);
  order.sort((x, y) => {
    for (let i = 0; i < 6; i++) {
      const d = numbers[x * 6 + i]! - numbers[y * 6 + i]!;
      if (d !== 0) return d;
    }
    const p = entries[x]!.id;
    const q = entries[y]!.id;
    return p < q ? -1 : p > q ? 1 : 0;
  });
  return order.map((e) => entries[e]!);
}

/** How many of a sort key's fields before its id are strings (kind, subject, the two files). */
const STRING_FIELDS = 4;

/**
 * Brings `listing` to `parts` in place; false when it cannot (a content id shared by several
 * contradictions comes or goes: their suffixes follow the whole list's order, so it is rebuilt).
 */
function updateListing(listing: Listing, parts: ReadonlyArray<readonly Contradiction[]>): boolean {
  // Only the parts that came or went are read: the entries of a part that only moved stay as they are.
  const change = listing.parts.take(parts);
  // A part made again mostly holds the same contradictions: their entries are marked, not collected.
  const update = ++listingUpdates;
  const came: Contradiction[] = [];
  for (const part of change.came)
    for (const c of part) {
      const entry = listing.byContradiction.get(c);
      if (entry) entry.seen = update;
      else came.push(c);
    }
  // Entries whose contradiction went, by id: one made again with the same id and order keeps its entry.
  const goneById = new Map<string, Entry>();
  for (const part of change.went)
    for (const c of part) {
      const entry = listing.byContradiction.get(c)!;
      if (entry.seen !== update) goneById.set(entry.id, entry);
    }
  const kept: Array<[Entry, Contradiction]> = [];
  const fresh: Array<[Contradiction, string]> = [];
  for (const c of came) {
    const id = contentId(c);
    const old = goneById.get(id);
    if (old && compareKeys(old.key, sortKey(c, id)) === 0) {
      goneById.delete(id);
      kept.push([old, c]);
    } else fresh.push([c, id]);
  }
  const gone = [...goneById.values()];
  // A suffixed id has "-" (a content id has none).
  for (const entry of gone) if (entry.id.includes("-") || listing.shared.has(entry.id)) return false;
  const goneIds = new Set(gone.map((entry) => entry.id));
  const addedIds = new Set<string>();
  const added: Entry[] = [];
  for (const [c, id] of fresh) {
    if ((listing.byId.has(id) && !goneIds.has(id)) || addedIds.has(id)) return false;
    addedIds.add(id);
    added.push(new Entry(id, c));
  }
  for (const [entry, c] of kept) {
    listing.byContradiction.delete(entry.contradiction);
    entry.contradiction = c;
    listing.byContradiction.set(c, entry);
  }
  if (kept.length > 0) delete listing.filtered;
  if (gone.length === 0 && added.length === 0) return true;
  for (const entry of gone) {
    listing.byContradiction.delete(entry.contradiction);
    listing.byId.delete(entry.id);
  }
  for (const entry of added) {
    listing.byContradiction.set(entry.contradiction, entry);
    listing.byId.set(entry.id, entry);
  }
  // Contradictions made again with the same content (a group recomputed) leave the list as it was.
  const sameList = sameKeys(gone, added);
  const changes = (listing.unmerged ??= { gone: new Set(), added: new Set() });
  // An entry that comes and goes between two merges never enters the list.
  for (const entry of gone) if (!changes.added.delete(entry)) changes.gone.add(entry);
  for (const entry of added) changes.added.add(entry);
  if (!sameList) listing.digest = nextDigest();
  delete listing.filtered;
  return true;
}

/** Numbers the updates of listings (Entry.seen). */
let listingUpdates = 0;

/** The whole list in order: the changes since the last merge merged in. */
function entriesOf(listing: Listing): Entry[] {
  const changes = listing.unmerged;
  if (changes) {
    listing.unmerged = undefined;
    listing.entries = replacedEntries(listing.entries, [...changes.gone], [...changes.added]);
  }
  return listing.entries;
}

function sameKeys(x: Entry[], y: Entry[]): boolean {
  if (x.length !== y.length) return false;
  const p = inKeyOrder(x);
  const q = inKeyOrder(y);
  return p.every((e, i) => compareKeys(e.key, q[i]!.key) === 0);
}

/**
 * The sorted `entries` without `gone` (each is in it) and with `came` in order: a few by splicing,
 * many in one copy (each place found by binary search in `entries`, the runs between copied). No
 * added key equals a gone one (an equal key is the same id: that entry is kept, see updateListing),
 * so placing among `entries` before the removals orders as placing after them.
 */
function replacedEntries(entries: Entry[], gone: Entry[], came: Entry[]): Entry[] {
  const added = inKeyOrder(came);
  if (gone.length + added.length <= 32) {
    for (const entry of gone) entries.splice(firstAfter(entries, entry.key) - 1, 1);
    for (const entry of added) entries.splice(firstAfter(entries, entry.key), 0, entry);
    return entries;
  }
  const removed = gone.map((entry) => firstAfter(entries, entry.key) - 1).sort((x, y) => x - y);
  const out: Entry[] = new Array<Entry>(entries.length - gone.length + added.length);
  let i = 0;
  let k = 0;
  let r = 0;
  const copyUpTo = (at: number) => {
    for (; i < at; i++) {
      if (removed[r] === i) r++;
      else out[k++] = entries[i]!;
    }
  };
  for (const entry of added) {
    copyUpTo(firstAfter(entries, entry.key, i));
    out[k++] = entry;
  }
  copyUpTo(entries.length);
  return out;
}

/** Entries with a member in `uri`, in the listing's order (kept for the next page). */
function filteredEntries(sources: SourceIndex, listing: Listing, uri: string): Entry[] {
  if (listing.filtered?.uri !== uri) {
    const entries = sources.contradictionsTouching(uri).flatMap((c) => listing.byContradiction.get(c) ?? []);
    listing.filtered = { uri, entries: inKeyOrder(entries) };
  }
  return listing.filtered.entries;
}

function sortKey(c: Contradiction, id: string): SortKey {
  const { a, b } = firstOfSides(c);
  return [c.kind, c.subject ?? "", a?.file ?? "", a?.start ?? 0, b?.file ?? "", b?.start ?? 0, id];
}

/** The first member of each side (what a sort key reads of the members). */
function firstOfSides(c: Contradiction): { a?: ContradictionMember; b?: ContradictionMember } {
  let a: ContradictionMember | undefined;
  let b: ContradictionMember | undefined;
  for (const m of c.members) {
    if (m.side === "a") a ??= m;
    else b ??= m;
    if (a && b) break;
  }
  return { a, b };
}

function compareKeys(x: SortKey, y: SortKey): number {
  for (let i = 0; i < x.length; i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

/**
 * An id from what the contradiction is (not where it sits in a list): stable while its members
 * stay. Its kind, subject, member count and first and last members name it (the first member is
 * a denial of one cluster, or a reading of one group paired with the last member's reading): the
 * summary, long and made from the same members, is not hashed. Worked out when a contradiction
 * enters a listing (its entry keeps it), not cached per object.
 */
function contentId(c: Contradiction): string {
  const { members } = c;
  const first = members[0];
  const last = members[members.length - 1];
  // The hash of `${kind}\n${subject}\n${r}\n${count}\n${first}\n${last}` (a member as file#start:end:side).
  const text = [c.kind, "\n", c.subject ?? "", "\n", c.revision ? "r" : "", "\n", String(members.length), "\n"];
  if (first) pushMember(text, first);
  text.push("\n");
  if (last) pushMember(text, last);
  return `${c.kind === "figure" ? "f" : "s"}${cyrb53Parts(text)}`;
}

function pushMember(text: string[], m: ContradictionMember): void {
  text.push(m.file, "#", String(m.start), ":", String(m.end), ":", m.side);
}

function uniqueId(taken: ReadonlyMap<string, unknown>, id: string): string {
  if (!taken.has(id)) return id;
  let n = 2;
  while (taken.has(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

// ---- The first page, before the sorted list ----

/** The parts a first page was shown from while no sorted list was built, and the digest its cursor carries. */
const firstShown = new WeakMap<SourceIndex, { parts: ReadonlyArray<readonly Contradiction[]>; digest: string }>();

/**
 * The first `count` entries of the list `parts` make, equal to the first of buildListing's (the
 * same ids, the same order), without sorting or naming every contradiction: the smallest keys
 * without ids are selected (ties kept), and only the contradictions that could share a content
 * id with a selected one (the same member count and end members' offsets) are hashed, in the
 * parts' order, for the suffixes.
 */
function firstEntries(parts: ReadonlyArray<readonly Contradiction[]>, count: number): Entry[] {
  // The `count` smallest keys so far and any tied with the last of them, with their places in the parts.
  const best: Array<{ at: number; key: SortKey; contradiction: Contradiction }> = [];
  const byKey = (x: { key: SortKey }, y: { key: SortKey }) => compareKeys(x.key, y.key);
  let at = 0;
  for (const part of parts)
    for (const c of part) {
      const worst = best.length >= count ? best[best.length - 1]!.key : undefined;
      // Most are after the worst kept by kind or subject: rejected before a key is made.
      if (worst && (c.kind > worst[0] || (c.kind === worst[0] && (c.subject ?? "") > worst[1]))) {
        at++;
        continue;
      }
      const candidate = { at: at++, key: sortKey(c, ""), contradiction: c };
      if (worst && compareKeys(candidate.key, worst) > 0) continue;
      best.splice(firstAfter(best, candidate.key), 0, candidate);
      while (best.length > count && byKey(best[best.length - 1]!, best[count - 1]!) > 0) best.pop();
    }
  const ids = idsOf(parts, best);
  return best
    .map(({ at, contradiction }) => new Entry(ids.get(at)!, contradiction))
    .sort(byKey)
    .slice(0, count);
}

/** The listing ids of the chosen contradictions (by place in the parts), as buildListing names them (suffixed in the parts' order). */
function idsOf(
  parts: ReadonlyArray<readonly Contradiction[]>,
  chosen: ReadonlyArray<{ at: number; contradiction: Contradiction }>,
): Map<number, string> {
  const wanted = new Set(chosen.map(({ contradiction }) => idPrint(contradiction)));
  const isChosen = new Set(chosen.map(({ at }) => at));
  const seen = new Map<string, number>();
  const ids = new Map<number, string>();
  let at = 0;
  for (const part of parts)
    for (const c of part) {
      const j = at++;
      if (!wanted.has(idPrint(c))) continue;
      const base = contentId(c);
      const earlier = seen.get(base) ?? 0;
      seen.set(base, earlier + 1);
      if (isChosen.has(j)) ids.set(j, earlier === 0 ? base : `${base}-${earlier + 1}`);
    }
  return ids;
}

/** A number equal for contradictions with equal content ids (contentId), cheap to make for every one. */
function idPrint(c: Contradiction): number {
  const { members } = c;
  const first = members[0];
  const last = members[members.length - 1];
  let h = members.length;
  h = Math.imul(h ^ (first?.start ?? -1), 0x9e3779b1);
  h = Math.imul(h ^ (first?.end ?? -1), 0x9e3779b1);
  h = Math.imul(h ^ (last?.start ?? -1), 0x9e3779b1);
  return Math.imul(h ^ (last?.end ?? -1), 0x9e3779b1);
}

/**
 * Page 1 of the whole list while no sorted list is built (the request right after indexing): its
 * entries are selected, not sorted; the sorted list is built when a later page or another request
 * needs it, from the same parts and with the same digest, so the cursor given here continues it.
 */
function firstPageUnsorted(services: Services, pageSize: number): ContradictionsResult {
  const { sources } = services;
  const parts = sources.contradictionParts();
  const digest = nextDigest();
  firstShown.set(sources, { parts, digest });
  const top = firstEntries(parts, pageSize);
  const total = parts.reduce((n, part) => n + part.length, 0);
  const { items, end } = takePage(top, 0, pageSize, (entry) => toItem(services, entry));
  const result: ContradictionsResult = { contradictions: items, total };
  if (end < total) result.nextCursor = encodeCursor({ d: digest, o: end, k: top[end - 1]!.key });
  return result;
}

// ---- Pages ----

function contradictionsPage(
  services: Services,
  uri: string | undefined,
  pageSize: number,
  cursor: ListCursor | undefined,
): ContradictionsResult {
  if (uri === undefined && cursor === undefined && !listings.has(services.sources) && !firstShown.has(services.sources))
    return firstPageUnsorted(services, pageSize);
  const listing = listingOf(services.sources);
  const entries = uri ? filteredEntries(services.sources, listing, uri) : entriesOf(listing);
  const same = cursor !== undefined && cursor.digest === listing.digest && cursor.uri === uri;
  const start =
    cursor === undefined ? 0 : same ? Math.min(cursor.offset, entries.length) : firstAfter(entries, cursor.key);
  const { items, end } = takePage(entries, start, pageSize, (entry) => toItem(services, entry));
  const result: ContradictionsResult = { contradictions: items, total: entries.length };
  if (end < entries.length) {
    const last = entries[end - 1]!;
    result.nextCursor = encodeCursor({ d: listing.digest, o: end, k: last.key, ...(uri ? { u: uri } : {}) });
  }
  if (cursor !== undefined && !same) result.changed = true;
  return result;
}

function membersPage(services: Services, id: string, pageSize: number, offset: number): ContradictionMembersResult {
  const entry = listingOf(services.sources).byId.get(id);
  if (!entry) {
    throw new ResponseError(
      LSPErrorCodes.ContentModified,
      `no contradiction ${JSON.stringify(id.slice(0, 40))} in the workspace now (its sources changed): list the contradictions again`,
    );
  }
  const { contradiction } = entry;
  const start = Math.min(offset, contradiction.members.length);
  const { items, end } = takePage(contradiction.members, start, pageSize, (m) =>
    toMemberItem(services, contradiction.kind, m),
  );
  const result: ContradictionMembersResult = { members: items, total: contradiction.members.length };
  if (end < contradiction.members.length) result.nextCursor = encodeCursor({ i: id, o: end });
  return result;
}

/** Up to `size` items from `start`, ending early before the page's JSON would pass CONTRADICTIONS_PAGE_BYTES. */
function takePage<T, W>(
  list: readonly T[],
  start: number,
  size: number,
  toWire: (x: T) => W | undefined,
): { items: W[]; end: number } {
  const items: W[] = [];
  let bytes = 200; // the envelope: total, the cursor, the JSON-RPC frame
  let end = start;
  while (end < list.length && end - start < size) {
    const item = toWire(list[end]!);
    const itemBytes = item === undefined ? 0 : jsonByteLength(item) + 1;
    if (items.length > 0 && bytes + itemBytes > CONTRADICTIONS_PAGE_BYTES) break;
    if (item !== undefined) items.push(item);
    bytes += itemBytes;
    end++;
  }
  return { items, end };
}

/** Index of the first entry ordered after `key` (binary search). */
function firstAfter(entries: ReadonlyArray<{ key: SortKey }>, key: SortKey, from = 0): number {
  let lo = from;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(entries[mid]!.key, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toItem(services: Services, entry: Entry): ContradictionItem {
  const { contradiction } = entry;
  const counts = { a: 0, b: 0 };
  const sideA: ContradictionMemberItem[] = [];
  const sideB: ContradictionMemberItem[] = [];
  for (const m of contradiction.members) {
    if (counts[m.side]++ >= CONTRADICTION_MEMBERS_PER_SIDE) continue;
    const item = toMemberItem(services, contradiction.kind, m);
    if (item) (m.side === "a" ? sideA : sideB).push(item);
  }
  const members = sideB.length === 0 ? sideA : sideA.concat(sideB);
  const item: ContradictionItem = {
    id: entry.id,
    kind: contradiction.kind,
    summary: clip(contradictionSummary(contradiction), MAX_SUMMARY),
    members,
    memberCount: contradiction.members.length,
    sideCounts: counts,
  };
  if (contradiction.subject !== undefined) item.subject = contradiction.subject;
  if (contradiction.revision !== undefined) item.revision = contradiction.revision;
  return item;
}

/** A member as an LSP location with its text, and the verdict on its figure (or claim) if any. */
function toMemberItem(
  services: Services,
  kind: Contradiction["kind"],
  m: ContradictionMember,
): ContradictionMemberItem | undefined {
  const map = services.sources.lineMap(m.file);
  if (!map) return undefined;
  const item: ContradictionMemberItem = {
    uri: m.file,
    range: map.rangeOf(m),
    text: clip(m.text, MAX_TEXT),
    side: m.side,
    source: m.source === null ? null : clip(m.source, MAX_TEXT),
    date: m.date,
  };
  const review = memberVerdict(services, kind, m);
  if (review) item.review = review;
  return item;
}

// ---- Parameters and cursors ----

function pageSizeOf(value: unknown, fallback: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `pageSize must be a positive integer (at most ${max} are answered), not ${JSON.stringify(value)}`,
    );
  }
  return Math.min(value, max);
}

interface ListCursor {
  digest: string;
  offset: number;
  key: SortKey;
  uri: string | undefined;
}

/** A cursor is opaque to clients: base64url JSON of where the next page starts. */
function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function decodeCursor(cursor: unknown): Record<string, unknown> {
  if (typeof cursor === "string" && cursor.length <= 4096) {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // falls through to the error below
    }
  }
  return badCursor();
}

function badCursor(): never {
  throw new ResponseError(
    ErrorCodes.InvalidParams,
    "cursor is not one this server gave (send the nextCursor of the previous page, or none)",
  );
}

function decodeListCursor(cursor: unknown): ListCursor {
  const { d, o, k, u } = decodeCursor(cursor);
  if (typeof d === "string" && isOffset(o) && isSortKey(k) && (u === undefined || typeof u === "string"))
    return { digest: d, offset: o, key: k, uri: u };
  return badCursor();
}

function decodeMembersCursor(cursor: unknown, id: string): number {
  const { i, o } = decodeCursor(cursor);
  if (i === id && isOffset(o)) return o;
  return badCursor();
}

function isOffset(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isSortKey(value: unknown): value is SortKey {
  if (!Array.isArray(value) || value.length !== 7) return false;
  return value.every((x, i) => typeof x === (i === 3 || i === 5 ? "number" : "string"));
}

/** Long sentences are clipped: the range locates the whole mention; thousands of items stay light. */
const MAX_TEXT = 200;
const MAX_SUMMARY = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
