// Runs the CLI on the seed texts and the shared scorer on its output; fails below the floors.
import { test } from "node:test";
import { assertFloors, sharedMissing, type Floors } from "./goldFloors";

const FLOORS: Floors = {
  actors: { f1: 0.93 },
  figures: { f1: 0.95 },
  "figure values": { recall: 0.95 },
  "figure qualifiers": { recall: 0.9 },
  claims: { f1: 0.92 },
  "claims:attributed": { f1: 0.85 },
  "claims:hedged": { f1: 0.85 },
  "claims:denial": { f1: 0.85 },
  "claims:anonymous": { f1: 0.85 },
  "claim sources": { f1: 0.85 },
  "figure links": { f1: 0.85 },
  contradictions: { recall: 0.8, precision: 0.6 },
};

test("seed gold: every floor is met", { skip: sharedMissing }, () => assertFloors("seeds", FLOORS));
