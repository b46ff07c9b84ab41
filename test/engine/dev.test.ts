// Runs the CLI on the development corpus (27 real public texts in four stories, plus controls) and
// the shared scorer on its output; fails below issue 8's floors.
import { test } from "node:test";
import { assertFloors, sharedMissing, type Floors } from "./goldFloors";

const FLOORS: Floors = {
  actors: { f1: 0.9 },
  figures: { f1: 0.92 },
  "figure values": { f1: 0.95 },
  claims: { f1: 0.88 },
  "claims:attributed": { f1: 0.85 },
  "claims:hedged": { f1: 0.8 },
  "claims:denial": { f1: 0.8 },
  "claims:anonymous": { f1: 0.75 },
  "claim sources": { f1: 0.8 },
  "figure links": { f1: 0.8 },
  contradictions: { recall: 0.75, precision: 0.7 },
};

test("dev gold: every floor is met", { skip: sharedMissing }, () => assertFloors("dev", FLOORS));
