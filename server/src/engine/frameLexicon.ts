// Tables for frames, built once from data/quantities.json, data/events.json and data/frames.json.
import quantityData from "./data/quantities.json";
import eventData from "./data/events.json";
import frameData from "./data/frames.json";
import actorData from "./data/actors.json";

interface QuantityClass {
  nouns: string[];
  phrases: string[];
  predicates: string[];
}

function indexClasses(pick: (c: QuantityClass) => string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, c] of Object.entries(quantityData.classes as Record<string, QuantityClass>)) for (const w of pick(c)) if (!m.has(w)) m.set(w, name);
  return m;
}

function indexIncidents(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, c] of Object.entries(eventData.incidents as Record<string, { nouns: string[] }>)) for (const w of c.nouns) if (!m.has(w)) m.set(w, name);
  return m;
}

function indexScopes(): Map<string, string> {
  const m = new Map<string, string>();
  for (const [scope, words] of Object.entries(quantityData.scopes as Record<string, string[]>)) for (const w of words) m.set(w, scope);
  return m;
}

export const FRAME_LEX = {
  /** Counted noun or noun phrase (lower case) -> quantity class. */
  classNouns: indexClasses((c) => [...c.nouns, ...c.phrases]),
  /** Predicate said of counted people -> quantity class. */
  classPredicates: indexClasses((c) => c.predicates),
  genericNouns: new Set(quantityData.genericCountNouns),
  auxiliaries: new Set(quantityData.auxiliaries),
  partOf: new Set(quantityData.partOf),
  valueOf: new Set(quantityData.valueOf),
  scopes: indexScopes(),
  /** Incident noun -> incident class. */
  incidents: indexIncidents(),
  locativePrepositions: new Set(frameData.locativePrepositions),
  placeHeads: new Set([...frameData.placeHeads, ...actorData.placeHeads.map((w) => w.toLowerCase())]),
};
