// Data-driven cases for figures, frames and cross-file linking, in sentences written for these tests.
import type { Qualifier } from "../../../server/src/engine";

/** One figure read from a sentence: its span, value, qualifier (and upper bound). */
export interface FigureReadCase {
  text: string;
  span: string;
  value: number;
  qualifier: Qualifier;
  valueMax?: number;
}

export const FIGURE_READ_CASES: FigureReadCase[] = [
  { text: "Not more than 300 people attended the rally.", span: "Not more than 300", value: 300, qualifier: "upto" },
  // A thousands group or a decimal broken by a space in print.
  {
    text: "The ministry said the toll exceeds 41, 000 after the storm.",
    span: "exceeds 41, 000",
    value: 41000,
    qualifier: "over",
  },
  { text: "A magnitude 6. 4 earthquake struck the coast.", span: "6. 4", value: 6.4, qualifier: "exact" },
  { text: "Some 2. 5 million people lost power.", span: "Some 2. 5 million", value: 2500000, qualifier: "approx" },
  // Fractions of a scale word.
  {
    text: "Officials now put the toll at more than a quarter million people.",
    span: "more than a quarter million",
    value: 250000,
    qualifier: "over",
  },
  // Qualifiers after the number and verbs that act as qualifiers.
  {
    text: "Observers estimate that 3,500 or more prisoners were moved.",
    span: "3,500 or more",
    value: 3500,
    qualifier: "atleast",
  },
  { text: "The count of the dead surpassed 900 by Friday.", span: "surpassed 900", value: 900, qualifier: "over" },
  // A range is one estimate.
  {
    text: "The survey put the toll between 12,000 and 19,000 people.",
    span: "between 12,000 and 19,000",
    value: 12000,
    valueMax: 19000,
    qualifier: "approx",
  },
  {
    text: "As many as 40,000 to 60,000 residents were evacuated.",
    span: "As many as 40,000 to 60,000",
    value: 40000,
    valueMax: 60000,
    qualifier: "approx",
  },
  // Vague magnitudes below the next magnitude.
  {
    text: "Witnesses said several hundred villagers gathered.",
    span: "several hundred",
    value: 100,
    valueMax: 999,
    qualifier: "vague",
  },
  // A grouped number in a table row after a label.
  { text: "Estimated Evacuees 58,200 Ministry – March 3", span: "58,200", value: 58200, qualifier: "exact" },
];

/** Numbers that are not figures. */
export const NOT_FIGURE_CASES: Array<{ text: string; notFigure: string }> = [
  // A number said not to hold states no fact, nor its partner after "or".
  { text: "An official said there were not 300 or 400 dead but a few dozen.", notFigure: "300" },
  { text: "An official said there were not 300 or 400 dead but a few dozen.", notFigure: "400" },
  { text: "The agency moved its office to 48 Marlow Street last year.", notFigure: "48" },
  { text: "Guards watched the inmates in three compounds.12 Others were moved.", notFigure: "12" },
  { text: "The court cited the ruling of the judges,3 and the appeal.", notFigure: "3" },
  { text: "The dam was described as unsafe in the inspection. [4]", notFigure: "4" },
  { text: "As of 0930 hours local time, the road was still closed.", notFigure: "0930" },
  { text: "Rescuers reached the ferry at approximately 2215 hours.", notFigure: "2215" },
  { text: "Leaders met at the G7 summit in the spring.", notFigure: "7" },
];

/** What a figure counts, however the sentence words it: the quantity class of its frame. */
export const QUANTITY_CASES: Array<{ text: string; span: string; quantity: string; scope?: string }> = [
  { text: "At least 212 people were killed in the flood.", span: "At least 212", quantity: "deaths" },
  { text: "The flood killed more than 300 villagers.", span: "more than 300", quantity: "deaths" },
  { text: "The province reported 45 fatalities on Monday.", span: "45", quantity: "deaths" },
  { text: "In the port, the death toll climbed to 1,020.", span: "1,020", quantity: "deaths" },
  { text: "Some 4,000 residents have been detained in the camps.", span: "Some 4,000", quantity: "detainees" },
  {
    text: "Police detained at least 600 protesters and up to 900 others.",
    span: "at least 600",
    quantity: "detainees",
  },
  {
    text: "About 7,500 members of the minority have disappeared into the camps.",
    span: "About 7,500",
    quantity: "detainees",
  },
  { text: "Some 9,000 villagers were held in camps without trial.", span: "Some 9,000", quantity: "detainees" },
  { text: "The blast left 40 people injured.", span: "40", quantity: "injured" },
  { text: "The attack killed 90 people, including 31 children.", span: "31", quantity: "deaths", scope: "children" },
  {
    text: "Between 800 and 1,100 people died, far below the army's figure of 2,000.",
    span: "2,000",
    quantity: "deaths",
  },
  {
    text: "Reports said several hundred to more than 2,000 people were killed.",
    span: "several hundred",
    quantity: "deaths",
  },
  // Harm suffered and illness are cases; an institution's members are a scope of the count.
  {
    text: "At least 35 employees suffered injuries at the plant.",
    span: "At least 35",
    quantity: "cases",
    scope: "staff",
  },
  {
    text: "The illness first appeared among 18 diplomats at the mission.",
    span: "18",
    quantity: "cases",
    scope: "staff",
  },
  // A participle read as the unit premodifies the counted noun after it.
  { text: "The clinic has logged 60 reported cholera cases this month.", span: "60", quantity: "cases" },
  // Crowd sizes are their own quantity: participants, however they are named.
  { text: "Organizers put the turnout at 80,000 on Saturday.", span: "80,000", quantity: "participants" },
  { text: "Police pegged the number of demonstrators at 12,000.", span: "12,000", quantity: "participants" },
  { text: "About 3,000 people rallied outside the parliament.", span: "About 3,000", quantity: "participants" },
  // A three-word phrase before the value names what it counts.
  { text: "The minister said the loss of life was closer to 900.", span: "closer to 900", quantity: "deaths" },
  // A report or belief between the auxiliary and the predicate does not change what is counted.
  { text: "Another 2,300 people are reported missing in the valley.", span: "2,300", quantity: "missing" },
  { text: "At least 40 people were feared dead after the collapse.", span: "At least 40", quantity: "deaths" },
  // "elsewhere": outside the place the text is about, a scope of its own.
  {
    text: "The storm killed 900 people in the port and 170 others elsewhere in the country.",
    span: "170",
    quantity: "deaths",
    scope: "elsewhere",
  },
  {
    text: "The storm killed 900 people in the port and 170 others elsewhere in the country.",
    span: "900",
    quantity: "deaths",
  },
  // A sum of money takes its class from what the money is, joined to its currency.
  { text: "Donors pledged $2.4 billion at the conference in Oslo.", span: "$2.4 billion", quantity: "pledges-usd" },
  { text: "The bank approved €300 million in aid for the region.", span: "€300 million", quantity: "aid-eur" },
  // A time adverb after the number is not what it counts.
  { text: "A notice at the town hall put the deaths at 1,300 yesterday.", span: "1,300", quantity: "deaths" },
  { text: "Confirmed deaths stood at 2,140 overnight, the agency said.", span: "2,140", quantity: "deaths" },
  // A bare number whose noun is elided after "or", "than" counts what the figure before it counts.
  { text: "The death toll is nearer 400 or 450 than the 900 first reported.", span: "450", quantity: "deaths" },
  { text: "The death toll is nearer 400 or 450 than the 900 first reported.", span: "900", quantity: "deaths" },
];

/** Counted things that are not a quantity class: no class, so never linked by class alone. */
export const UNCLASSIFIED_CASES: Array<{ text: string; span: string }> = [
  { text: "The storm destroyed 3,400 houses in the valley.", span: "3,400" },
  { text: "More than 5,000 people live in the district.", span: "More than 5,000" },
  { text: "About 2,000 people held a vigil in the square.", span: "About 2,000" },
  { text: "The agency hired 40 new employees last year.", span: "40" },
  { text: "Inspectors found 25 damaged houses in the valley.", span: "25" },
];

/** A place named in another clause of the sentence does not place the figure; one in its clause does. */
export const CLAUSE_PLACE_CASES: Array<{ text: string; span: string; place?: string; notPlace?: string }> = [
  { text: "Doctors have counted 800 cases in Tonga since March.", span: "800", place: "tonga" },
  {
    text: "Doctors have counted 800 cases since nurses in Tonga first reported fever.",
    span: "800",
    notPlace: "tonga",
  },
  {
    text: "A dozen sailors in Fiji reported fever, and there have been 90 cases among travellers.",
    span: "90",
    notPlace: "fiji",
  },
  { text: "Nine sailors fell ill; 90 cases were counted in Fiji.", span: "90", place: "fiji" },
  // "after", "since" before a noun phrase are prepositions: the place stays in the figure's clause.
  { text: "Medics counted 300 deaths after the attack in Tonga.", span: "300", place: "tonga" },
];

/** Sentences of several figures: each figure's places, in its own clause only (clauseBreaks.ts counts the breaks once per sentence). */
export const CLAUSE_PLACE_LISTS: Array<{ text: string; places: Record<string, string[]> }> = [
  {
    text: "Medics counted 40 deaths in Tonga; 90 cases were counted in Fiji, and 12 deaths were recorded in Samoa.",
    places: { "40": ["tonga"], "90": ["fiji"], "12": ["samoa"] },
  },
  // "while" opens a clause after a figure, not before it.
  {
    text: "In Tonga medics counted 40 deaths, 90 cases were counted in Fiji while nurses in Samoa counted 12 deaths.",
    places: { "40": ["fiji", "tonga"], "90": ["fiji", "tonga"], "12": ["fiji", "samoa", "tonga"] },
  },
  {
    text: "Medics counted 40 deaths in Tonga, 90 cases in Fiji, 12 deaths in Samoa and 7 deaths in Nauru.",
    places: {
      "40": ["fiji", "nauru", "samoa", "tonga"],
      "90": ["fiji", "nauru", "samoa", "tonga"],
      "12": ["fiji", "nauru", "samoa", "tonga"],
      "7": ["fiji", "nauru", "samoa", "tonga"],
    },
  },
];

/** A table run into one sentence: hundreds of figures, each in its own clause with its own place. */
export const LONG_PLACE_LIST = {
  places: ["Tonga", "Fiji", "Samoa", "Nauru", "Tuvalu"],
  items: 300,
};

/** Two texts naming the same capitalised condition share their subject, each naming it once. */
export const NAMED_CONDITION_STORIES: Record<string, string> = {
  "m1.txt": "Health officials have recorded about 900 cases of Marlow Syndrome since 2019, the ministry said.",
  "m2.txt":
    "The committee said roughly 200 reported cases deserve review. Its members want the Marlow Syndrome findings released.",
  "m3.txt": "A school nurse said 50 cases of flu were counted this week.",
};

/** Texts about one story in other words: their figures of one quantity link across files. */
export const LINKED_STORIES: Record<string, string> = {
  "a.txt":
    "A strong earthquake struck the coast of Vanuatu on Monday. Officials said 1,200 people were killed in Vanuatu.\n\nThe earthquake destroyed the port.",
  "b.txt":
    "Rescuers in Vanuatu kept digging after the earthquake. The death toll rose to 1,350 on Wednesday, the government said.\n\nThe earthquake also cut power across Vanuatu.",
  "c.txt":
    "Estimated Deaths\n\n1,900 people\n\nThe earthquake in Vanuatu left the capital without water. Aid reached Vanuatu by ship.",
};

/** An unrelated text with a figure of the same class: it never links with the story. */
export const UNRELATED_STORY: Record<string, string> = {
  "d.txt":
    "Heavy rain hit the north of Peru. The flood killed 40 people in Peru, officials said.\n\nThe flood closed roads in Peru.",
};

/** Small counts after a comma that stay figures (not note marks). */
export const KEPT_AFTER_COMMA_CASES: Array<{ text: string; span: string }> = [
  { text: "Of the 100 injured, 12 were children.", span: "12" },
  { text: "In the first week, 30 of the prisoners were freed.", span: "30" },
];

/** A predicate denial with an adverb ("are totally false") against a statement in a text's own voice about the same attacks. */
export const OWN_VOICE_DENIAL_STORY: Record<string, string> = {
  "v1.txt":
    "Norway said its diplomats in Lima were targeted. Norway recalled two of them.\n\nOver the past year, 30 employees of the Norwegian Embassy have suffered injuries from attacks of an unknown nature.",
  "v2.txt":
    "Foreign Minister Ana Ruiz told reporters that the so-called attacks on Norway's diplomats are totally false.",
};

/** An assessment that something is unlikely against a statement that it is likely so, across files; a text not about it stays out. */
export const NEGATIVE_ASSESSMENT_STORY: Record<string, string> = {
  "n1.txt":
    "The review board has concluded that it is very unlikely a foreign state is responsible for the outages in Canada. The board will publish its review.",
  "n2.txt":
    "Senator Jane Moss said the evidence shows that a foreign state is likely responsible for the outages in Canada. Ottawa must act, she said.",
  "n3.txt":
    "The weather office said the storm is likely to reach the coast of Canada on Friday. Canada issued warnings.",
};

/** A noun joined to "-like", "-style" compares; it names no incident (the event comes from elsewhere or nowhere). */
export const RESEMBLANCE_CASES: Array<{ text: string; span: string; notEvent: string }> = [
  { text: "Officials feared 3,000 people died in a tsunami-like surge of water.", span: "3,000", notEvent: "tsunami" },
  {
    text: "At least 70 people were killed when an earthquake-like blast shook the port.",
    span: "At least 70",
    notEvent: "earthquake",
  },
];

/** "rose by 1,000": the amount of a change, kept apart from the totals it changes. */
export const DIFFERENCE_CASES: Array<{ text: string; span: string }> = [
  { text: "Confirmed deaths rose by more than 1,000 overnight to 3,600.", span: "more than 1,000" },
  { text: "The number of displaced people jumped by 20,000 in a week.", span: "20,000" },
];

/** A verb that names the attack by itself ("bombed") puts a denial and an assertion in one event class. */
export const ATTACK_VERB_STORY: Record<string, string> = {
  "w1.txt": "The Chadian army on Monday denied that its aircraft had bombed a market in the east.",
  "w2.txt": "A relief agency said it had credible reports that the Chadian army bombed the market.",
};

/** Who gives a figure: its sentence's source, unless a semicolon sets the figure in a clause of its own. */
export const FIGURE_SOURCE_CASES: Array<{ text: string; span: string; source: string | null }> = [
  { text: "The ministry said the toll rose to 471.", span: "471", source: "ministry" },
  { text: "The ministry lowered its toll to 471; the army said the figures were inflated.", span: "471", source: null },
];

/** A party blamed after ", blaming …" is not a party of the fact denied: the denial meets the claim it answers. */
export const BLAME_SHIFT_STORY: Record<string, string> = {
  "r1.txt": "The rebel movement said a Chadian airstrike destroyed the clinic, killing at least 90 people.",
  "r2.txt": "Chad said it was not responsible, blaming the blast on a stray rocket fired by a Nigerien militia.",
};
