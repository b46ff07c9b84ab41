// Stance contradictions: a statement one source asserts and another denies. A denial is matched to
// attributed assertions about the same event class and the same parties, or to the claims of the
// source it names ("dismissed the British report"). Not confirming is not denying.
import type { Analysis, Claim, Contradiction, ContradictionMember } from "./types";
import { tokenize, TokenKind } from "./tokens";
import eventData from "./data/events.json";
import { within } from "./spans";
import cueData from "./data/cues.json";

interface EventClass {
  nouns: Set<string>;
  verbs: Set<string>;
  needsVerb: boolean;
  covers: string[];
}

const CLASSES = new Map<string, EventClass>(
  Object.entries(eventData.classes).map(([name, c]) => [name, { nouns: new Set(c.nouns), verbs: new Set(c.verbs), needsVerb: c.needsVerb, covers: c.covers }]),
);
const CLASS_ORDER = ["troop-deployment", "arms-transfer", "military-cooperation"];
const ASSERTIVE = new Set(["asserts", "claims", "alleges", "confirms", "warns"]);
const CLAIM_NOUN = /^(report|reports|claims?|allegations?|accusations?|assertions?|statements?)$/;
const STOP = new Set(["that", "this", "with", "from", "have", "been", "were", "their", "which", "about", "would", "there", "into", "also", "than", "they", "them", "such", "some", "said", "says", "denied", "denies", "deny", "reported", "claims", "claim"]);

export interface Statement {
  file: string;
  claim: Claim;
  denial: boolean;
  assertion: boolean;
  classes: string[];
  countries: Set<string>;
  sourceId: string;
  /** Parties whose claims a denial rejects ("South Korea's claims" -> south-korea). */
  deniedSources: Set<string>;
  stems: Set<string>;
}

export function extractStatements(file: string, analysis: Analysis): Statement[] {
  const out: Statement[] = [];
  for (const claim of analysis.claims) {
    const denial = claim.stance === "denies";
    const assertion = !denial && claim.kinds.includes("attributed") && ASSERTIVE.has(claim.stance);
    if (!denial && !assertion) continue;
    const actors = within(analysis.actors, claim.start, claim.end);
    const focusStart = denial ? denialFocus(claim) : claim.start;
    const words = tokenize(analysis.text, focusStart, claim.end).filter((t) => t.kind === TokenKind.Word).map((t) => t.lower);
    const sourceId = (claim.source?.canonical ?? claim.source?.text ?? "").toLowerCase();
    out.push({
      file,
      claim,
      denial,
      assertion,
      classes: classify(words),
      countries: new Set(actors.filter((a) => a.kind === "country").map((a) => a.canonical)),
      sourceId,
      deniedSources: denial ? deniedSources(analysis, claim) : new Set(),
      stems: new Set(words.filter((w) => w.length > 3 && !STOP.has(w)).map((w) => w.slice(0, 6))),
    });
  }
  return out;
}

const PREDICATE_DENIALS = new Set(cueData.denialPredicates);

/** Where the denied content starts: at the denial verb ("denied sending troops"), or the whole
 *  sentence when the denial is a predicate ("reports that … are false"). */
function denialFocus(claim: Claim): number {
  const cue = claim.cues.find((c) => c.stance === "denies");
  if (!cue || PREDICATE_DENIALS.has(cue.text.toLowerCase())) return claim.start;
  return cue.start;
}

function classify(words: string[]): string[] {
  const set = new Set(words);
  const found: string[] = [];
  for (const name of CLASS_ORDER) {
    const c = CLASSES.get(name)!;
    const noun = [...c.nouns].some((n) => set.has(n));
    const verb = [...c.verbs].some((v) => set.has(v));
    if (noun && (!c.needsVerb || verb)) found.push(name);
  }
  return found;
}

function deniedSources(analysis: Analysis, claim: Claim): Set<string> {
  const ids = new Set<string>();
  const cue = claim.cues.find((c) => c.stance === "denies");
  if (!cue) return ids;
  const toks = tokenize(analysis.text, cue.end, claim.end);
  const nounAt = toks.findIndex((t, i) => i < 8 && CLAIM_NOUN.test(t.lower));
  if (nounAt < 0) return ids;
  const until = toks[nounAt]!.start;
  for (const a of within(analysis.actors, cue.end, until)) {
    ids.add(a.canonical);
    ids.add(a.text.toLowerCase());
  }
  return ids;
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

function contradicts(d: Statement, a: Statement): boolean {
  if (a.denial || !a.assertion) return false;
  if (d.sourceId && a.sourceId && d.sourceId === a.sourceId) return false;
  const sourceText = (a.claim.source?.text ?? "").toLowerCase();
  if (d.deniedSources.size > 0 && [...d.deniedSources].some((id) => a.sourceId.includes(id) || sourceText.includes(id.replace(/-/g, " ")) || (a.claim.source?.canonical ?? "") === id)) return true;
  const primary = d.classes[0];
  if (primary) {
    const covers = CLASSES.get(primary)!.covers;
    if (!a.classes.some((c) => covers.includes(c))) return false;
    const needed = Math.min(2, d.countries.size);
    if (needed > 0) return overlap(d.countries, a.countries) >= needed;
  }
  // No event class or no party named: a same-file assertion sharing at least two content words.
  return d.file === a.file && d.deniedSources.size === 0 && overlap(d.stems, a.stems) >= 2;
}

export function stanceConflicts(statements: Statement[]): Contradiction[] {
  const denials = statements.filter((s) => s.denial);
  const clusters = clusterDenials(denials);
  const out: Contradiction[] = [];
  for (const cluster of clusters) {
    const assertions = statements.filter((a) => cluster.some((d) => contradicts(d, a)));
    if (assertions.length === 0) continue;
    const member = (s: Statement, side: "a" | "b"): ContradictionMember => ({
      file: s.file,
      start: s.claim.start,
      end: s.claim.end,
      text: s.claim.text,
      side,
      source: s.claim.source?.text ?? null,
      date: s.claim.date?.text ?? null,
    });
    const deniers = unique(cluster.map((d) => d.claim.source?.text ?? "a source"));
    const asserters = unique(assertions.map((a) => a.claim.source?.text ?? "a source"));
    const named = cluster.flatMap((d) => [...d.deniedSources].filter((x) => !x.includes("-") && /[a-z]/.test(x)));
    const topic = cluster[0]!.classes[0]?.replace(/-/g, " ") ?? (named.length ? `what ${unique(named).map((x) => x.replace(/\b\w/g, (c) => c.toUpperCase())).join(", ")} sources said` : "a statement");
    out.push({
      kind: "stance",
      summary: `${deniers.join(", ")} ${cluster.length > 1 || deniers.length > 1 ? "deny" : "denies"} ${topic} vs ${asserters.slice(0, 6).join(", ")}${asserters.length > 6 ? ` and ${asserters.length - 6} more` : ""} asserting it`,
      members: [...cluster.map((d) => member(d, "a")), ...assertions.map((a) => member(a, "b"))],
    });
  }
  return out;
}

/** Denials of the same event class sharing a party form one side. */
function clusterDenials(denials: Statement[]): Statement[][] {
  const clusters: Statement[][] = [];
  for (const d of denials) {
    const key = d.classes[0] ?? "";
    const home = clusters.find((c) => (c[0]!.classes[0] ?? "") === key && key !== "" && c.some((x) => overlap(x.countries, d.countries) >= 1));
    if (home) home.push(d);
    else clusters.push([d]);
  }
  return clusters;
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
