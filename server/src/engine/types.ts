// Plain data returned by the engine. Every span is a pair of UTF-16 offsets into the analysed
// text (start inclusive, end exclusive) plus the text it covers.

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Menus, trending lists, contact lines, bylines: not analysed as prose. */
  furniture: boolean;
  /** A line without final punctuation (headline, caption). */
  headline: boolean;
}

export type ActorKind = "person" | "country" | "organization";

export interface ActorMention extends Span {
  kind: ActorKind;
  /** Lower-case slug shared by every mention of one party (`north-korea`, `kim-jong-un`). */
  canonical: string;
  /** Display name of the party (`North Korea`, `Kim Jong Un`). */
  name: string;
}

export type Qualifier = "exact" | "approx" | "over" | "under" | "upto" | "atleast" | "vague";

export interface Figure extends Span {
  /** The number as written, normalised; a range's lower bound; a vague magnitude's lower bound. */
  value: number;
  /** Upper bound of a range (`11,000 to 12,000`), otherwise absent. */
  valueMax?: number;
  qualifier: Qualifier;
  /** The counted noun or unit as written (`troops`, `barrels`, `%`), or null. */
  unit: string | null;
  /** Readable slug of the frame (`north-korea-troops-in-russia`), derived from `frame`, never parsed back. */
  subject: string;
  /** What the figure measures, slot by slot. */
  frame: Frame;
  /** Index into `Analysis.sentences`. */
  sentence: number;
}

/** Where a frame slot was filled from: the figure's phrase or sentence, its paragraph, or the document's salient context. */
export type SlotLevel = "sentence" | "paragraph" | "document";

/**
 * What a figure measures. Slots are filled from the phrase and sentence, then the paragraph before,
 * then the document's salient place and event. Empty string / empty list: unknown.
 */
export interface Frame {
  /** Quantity class (`deaths`, `detainees`, `injured`) or the normalised counted thing (`troops`, `barrels`). */
  quantity: string;
  /** True when `quantity` is a class of data/quantities.json (read from the noun or the predicate). */
  classified: boolean;
  /** Canonical party the counted thing belongs to (`north-korea`), or "". */
  owner: string;
  /** Places the figure is about (country ids or place-name slugs), or []. */
  places: string[];
  /** Incident class the figure is about (`earthquake`, `armed-attack`), or "". */
  event: string;
  /** A part of the counted whole (`children`), or "" for the whole. */
  scope: string;
  /** Year of the incident (`2010`), or "". */
  time: string;
  /** Further restriction: an increment, a period (`per-year`), a named unit. */
  extra: string;
  /** Levels the owner, places, event and time came from. */
  levels: { owner?: SlotLevel; places?: SlotLevel; event?: SlotLevel; time?: SlotLevel };
}

/** A document's salient context: what it is mostly about (for linking figures across documents). */
export interface Salience {
  /** Places named as locations, most frequent first. */
  places: string[];
  /** Incident classes named at least twice, most frequent first. */
  events: string[];
  /** Parties (actor canonicals) named at least twice, most frequent first. */
  parties: string[];
}

export type ClaimKind = "attributed" | "hedged" | "denial" | "anonymous";

/** How the source relates to the statement, from the reporting verb. */
export type Stance = "asserts" | "claims" | "alleges" | "warns" | "denies" | "confirms" | "cannot-confirm" | "hedges";

export interface Cue extends Span {
  kind: ClaimKind;
  stance?: Stance;
}

export type SourceKind = "person" | "government" | "organization" | "outlet" | "anonymous" | "unknown";

export interface ClaimSource extends Span {
  kind: SourceKind;
  /** Canonical actor id when the source names one (`kim-jong-un`, `north-korea`). */
  canonical?: string;
}

export interface Claim extends Span {
  kinds: ClaimKind[];
  cues: Cue[];
  source: ClaimSource | null;
  stance: Stance;
  /** Index into `Analysis.sentences`. */
  sentence: number;
  /** A date the sentence gives (`25 June 2024`), if any. */
  date?: Span;
}

export interface AnalyzeOptions {
  /** Analyse at most this many UTF-16 units; the rest is ignored. Default: no limit. */
  maxLength?: number;
}

export interface Analysis {
  /** The analysed text (a leading BOM removed). All spans index into it. */
  text: string;
  sentences: Sentence[];
  actors: ActorMention[];
  figures: Figure[];
  claims: Claim[];
  /** Dates found in the text (a publication date line, or dates inside sentences). */
  dates: Span[];
  /** What the document is mostly about. */
  salience: Salience;
}

// ---- Across files (the corpus) ----

/** A figure as a member of a cross-file group. */
export interface FigureMember extends Span {
  file: string;
  value: number;
  valueMax?: number;
  qualifier: Qualifier;
  unit: string | null;
  subject: string;
  frame: Frame;
  /** Who gives the figure (the source of the claim it sits in), or null when the text asserts it. */
  source: string | null;
  sourceCanonical?: string;
  /** A date the text gives for it (`25 June 2024`), or null. */
  date: string | null;
}

export interface FigureGroup {
  /** The group's subject key (the most common member subject). */
  subject: string;
  /** Human label (`North Korean troops in Russia`). */
  label: string;
  members: FigureMember[];
}

export type ContradictionKind = "figure" | "stance";

export interface ContradictionMember extends Span {
  file: string;
  /** Members on one side agree with each other and conflict with every member of the other side. */
  side: "a" | "b";
  source: string | null;
  date: string | null;
}

export interface Contradiction {
  kind: ContradictionKind;
  /**
   * One line a person can read: a stance contradiction's. A figure contradiction's is made from its
   * label and members only when read (`contradictionSummary`), not kept for every contradiction.
   */
  summary?: string;
  members: ContradictionMember[];
  /** For figure conflicts: the group's subject. */
  subject?: string;
  /** For figure conflicts: the group's label, which its summary opens with. */
  label?: string;
  /** One source revising its own figure over time. */
  revision?: boolean;
}

export interface ActorIndexEntry {
  canonical: string;
  name: string;
  kind: ActorKind;
  /** Distinct spellings seen (`DPRK`, `North Korean`, `Pyongyang`). */
  spellings: string[];
  mentions: Array<Span & { file: string }>;
  /** Claims this actor is the source of. */
  claims: Array<Span & { file: string }>;
}
