// Data-driven actor cases (issue 8, deliverable 4): sentences written for these tests, one rule or
// one exclusion each. `actors` must be found with that kind and canonical id; `absent` must not be
// an actor at all (by span text).
export interface ActorRuleCase {
  rule: string;
  text: string;
  actors?: Array<[string, "person" | "country" | "organization", string]>;
  absent?: string[];
}

export const ACTOR_RULE_CASES: ActorRuleCase[] = [
  // Spans are slices of the text, whatever the white space inside a name.
  { rule: "span text with two spaces", text: "Goldman  Sachs analysts expect a slowdown.", actors: [["Goldman  Sachs", "organization", "goldman-sachs"]] },
];
