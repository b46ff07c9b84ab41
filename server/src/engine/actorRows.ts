// A document's rows for the actor index as the corpus keeps them: numbers in one typed array, not an
// object or a joined string per mention (tens of thousands of files, dozens of mentions each). A
// mention's canonical id, name, kind and text are a spelling, kept once for all documents in a
// bounded table and named by its position there; a sourced claim's canonical id likewise.
import type { ActorKind, Analysis, Claim } from "./types";
import { keptString } from "./intern";

/** One distinct way a party is mentioned. */
export interface Spelling {
  readonly canonical: string;
  readonly name: string;
  readonly kind: ActorKind;
  readonly text: string;
}

export interface ActorRows {
  /**
   * Start, end and spelling id of each mention with a canonical id, then start, end and canonical
   * id of each claim whose source has one. An id below zero is -1 - its place in `own`.
   */
  readonly rows: Int32Array;
  /** How many of the rows are mentions (the claims' rows follow them). */
  readonly mentions: number;
  /** Each sourced claim's text, in row order. */
  readonly claimTexts: readonly string[];
  /** Spellings and canonical ids the shared tables had no room for. */
  readonly own: ReadonlyArray<Spelling | string>;
}

export const NO_ACTOR_ROWS: ActorRows = { rows: new Int32Array(0), mentions: 0, claimTexts: [], own: [] };

const MAX = 200_000;
const spellings: Spelling[] = [];
/** Spelling ids by text: the first with a text, then `nextWithText` links the others. */
const spellingByText = new Map<string, number>();
const nextWithText: number[] = [];
const canonicals: string[] = [];
const canonicalIds = new Map<string, number>();

/**
 * What a document's actor rows are made of, as plain data (made where the analysis is, perhaps in a
 * worker): per mention with a canonical id its start and end, then per claim whose source has one
 * its start, end and index in `analysis.claims`; and per mention its canonical id, name, kind and
 * text, then per claim its source's canonical id.
 */
export interface ActorRowData {
  mentions: number;
  numbers: number[];
  strings: string[];
}

/**
 * The actor rows of an analysis. `textOf` gives the text kept of a claim (by its index in
 * `analysis.claims`), so that its stance statement can share the copy.
 */
export function actorRowsOf(analysis: Analysis, textOf: (claim: Claim, index: number) => string): ActorRows {
  return actorRowsFrom(actorRowData(analysis), (index) => textOf(analysis.claims[index]!, index));
}

export function actorRowData(analysis: Analysis): ActorRowData {
  const numbers: number[] = [];
  const strings: string[] = [];
  let mentions = 0;
  for (const a of analysis.actors) {
    if (!a.canonical) continue;
    mentions++;
    numbers.push(a.start, a.end);
    strings.push(a.canonical, a.name, a.kind, a.text);
  }
  analysis.claims.forEach((c, index) => {
    const canonical = c.source?.canonical;
    if (!canonical) return;
    numbers.push(c.start, c.end, index);
    strings.push(canonical);
  });
  return { mentions, numbers, strings };
}

/** The indices in `analysis.claims` of the claims in a document's row data (those whose source has a canonical id). */
export function sourcedClaims(data: ActorRowData): number[] {
  const out: number[] = [];
  for (let n = 2 * data.mentions + 2; n < data.numbers.length; n += 3) out.push(data.numbers[n]!);
  return out;
}

/** The actor rows of a document's row data; `textOf` gives a claim's kept text by its index. */
export function actorRowsFrom(data: ActorRowData, textOf: (claimIndex: number) => string): ActorRows {
  const { mentions, numbers, strings } = data;
  const sourced = (numbers.length - 2 * mentions) / 3;
  const rows = new Int32Array(3 * (mentions + sourced));
  const own: Array<Spelling | string> = [];
  let at = 0;
  for (let m = 0; m < mentions; m++) {
    rows[at++] = numbers[2 * m]!;
    rows[at++] = numbers[2 * m + 1]!;
    const canonical = strings[4 * m]!;
    const name = strings[4 * m + 1]!;
    const kind = strings[4 * m + 2] as ActorKind;
    const text = strings[4 * m + 3]!;
    const id = spellingId(canonical, name, kind, text);
    rows[at++] = id >= 0 ? id : ownId(own, newSpelling(canonical, name, kind, text));
  }
  const claimTexts: string[] = [];
  for (let c = 0; c < sourced; c++) {
    const n = 2 * mentions + 3 * c;
    rows[at++] = numbers[n]!;
    rows[at++] = numbers[n + 1]!;
    const canonical = strings[4 * mentions + c]!;
    const id = canonicalId(canonical);
    rows[at++] = id >= 0 ? id : ownId(own, keptString(canonical));
    claimTexts.push(textOf(numbers[n + 2]!));
  }
  return { rows, mentions, claimTexts, own: own.length > 0 ? own : NO_ACTOR_ROWS.own };
}

/** The distinct canonical ids of a document's mentions and sourced claims (it is filed under each). */
export function canonicalsOf(actors: ActorRows): string[] {
  const out = new Set<string>();
  const { rows, mentions } = actors;
  for (let i = 0; i < rows.length / 3; i++)
    out.add(i < mentions ? spellingAt(actors, i).canonical : canonicalAt(actors, i));
  return [...out];
}

/** Calls `visit` with each mention of `canonical` in the rows, in document order. */
export function forMentionsOf(
  actors: ActorRows,
  canonical: string,
  visit: (spelling: Spelling, start: number, end: number) => void,
): void {
  for (let i = 0; i < actors.mentions; i++) {
    const spelling = spellingAt(actors, i);
    if (spelling.canonical === canonical) visit(spelling, actors.rows[3 * i]!, actors.rows[3 * i + 1]!);
  }
}

/** Calls `visit` with each claim whose source is `canonical`, in document order. */
export function forClaimsOf(
  actors: ActorRows,
  canonical: string,
  visit: (text: string, start: number, end: number) => void,
): void {
  const count = actors.rows.length / 3;
  for (let i = actors.mentions; i < count; i++)
    if (canonicalAt(actors, i) === canonical)
      visit(actors.claimTexts[i - actors.mentions]!, actors.rows[3 * i]!, actors.rows[3 * i + 1]!);
}

/** Keeps `value` in the document's own list: its id there. */
function ownId(own: Array<Spelling | string>, value: Spelling | string): number {
  return -own.push(value);
}

function spellingAt(actors: ActorRows, row: number): Spelling {
  const id = actors.rows[3 * row + 2]!;
  return id >= 0 ? spellings[id]! : (actors.own[-1 - id] as Spelling);
}

function canonicalAt(actors: ActorRows, row: number): string {
  const id = actors.rows[3 * row + 2]!;
  return id >= 0 ? canonicals[id]! : (actors.own[-1 - id] as string);
}

/** The id of a spelling in the shared table, added if new; -1 when the table is full. */
function spellingId(canonical: string, name: string, kind: ActorKind, text: string): number {
  const first = spellingByText.get(text);
  for (let id = first ?? -1; id >= 0; id = nextWithText[id]!) {
    const s = spellings[id]!;
    if (s.canonical === canonical && s.name === name && s.kind === kind) return id;
  }
  if (spellings.length >= MAX) return -1;
  const spelling = newSpelling(canonical, name, kind, text);
  const id = spellings.push(spelling) - 1;
  // A new spelling of a known text goes first in its chain (the order of a chain does not matter).
  nextWithText.push(first ?? -1);
  spellingByText.set(spelling.text, id);
  return id;
}

function newSpelling(canonical: string, name: string, kind: ActorKind, text: string): Spelling {
  return { canonical: keptString(canonical), name: keptString(name), kind, text: keptString(text) };
}

function canonicalId(canonical: string): number {
  const known = canonicalIds.get(canonical);
  if (known !== undefined) return known;
  if (canonicals.length >= MAX) return -1;
  const own = keptString(canonical);
  canonicalIds.set(own, canonicals.length);
  return canonicals.push(own) - 1;
}
