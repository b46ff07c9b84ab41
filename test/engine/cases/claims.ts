// Data-driven claim cases for the guideline's claim classes ("More conventions" → Claims): sentences
// written for these tests, one rule or one exclusion each. `kinds`, `source` (a substring, or null),
// `cues` (exact cue texts) and `stance` are checked when given; `none` means no claim at all.
export interface ClaimRuleCase {
  rule: string;
  text: string;
  kinds?: string[];
  source?: string | null;
  /** The source span's exact text, where its bounds are the rule. */
  sourceExact?: string;
  cues?: string[];
  stance?: string;
  none?: boolean;
}

export const CLAIM_RULE_CASES: ClaimRuleCase[] = [
  // Denial: deny / refute / reject / dismiss.
  {
    rule: "denial verb",
    text: "The defence ministry denied that its jets had struck the market.",
    kinds: ["attributed", "denial"],
    source: "defence ministry",
    stance: "denies",
  },
  // Denial: a negated statement of the disputed fact, in a speaker's voice.
  {
    rule: "negated fact",
    text: "The ministry said the army has not crossed the border.",
    kinds: ["attributed", "denial"],
    source: "ministry",
    stance: "denies",
  },
  {
    rule: "negated fact",
    text: "No shipment was ever made, the company said.",
    kinds: ["attributed", "denial"],
    source: "company",
    stance: "denies",
  },
  {
    rule: "negated fact",
    text: "The operator said the plant did not close.",
    kinds: ["attributed", "denial"],
    cues: ["did not close"],
  },
  {
    rule: "negated fact: an intention is no denial",
    text: "The mayor said he would not resign.",
    kinds: ["attributed"],
    stance: "asserts",
  },
  {
    rule: "negated fact: silence is no denial",
    text: "The embassy did not reply to questions, the newspaper said.",
    kinds: ["attributed"],
  },
  {
    rule: "negated fact: a judgement is no denial",
    text: '"The figures are not credible," a regional governor said.',
    kinds: ["attributed", "anonymous"],
  },
  {
    rule: "negated fact: 'no one' is a pronoun",
    text: "The coroner said no one had expected the flood.",
    kinds: ["attributed"],
  },
  { rule: "negated fact: the text's own voice is no claim", text: "The army has not crossed the border.", none: true },
  // Denial: calling a claim false.
  {
    rule: "calling false",
    text: "The governor called the story a lie.",
    kinds: ["attributed", "denial"],
    source: "governor",
    stance: "denies",
  },
  {
    rule: "calling false",
    text: "The embassy said the reports were totally false.",
    kinds: ["attributed", "denial"],
    cues: ["totally false"],
  },
  {
    rule: "calling false",
    text: "The party said the allegations were groundless and absurd.",
    kinds: ["attributed", "denial"],
  },
  {
    rule: "calling false",
    text: "The minister dismissed the accusations as slander.",
    kinds: ["attributed", "denial"],
    source: "minister",
  },
  {
    rule: "calling false",
    text: "It is simply absurd to say that we shelled the town.",
    kinds: ["denial"],
    source: null,
  },
  {
    rule: "calling false: attributive",
    text: "The agency rejected what it called false claims about the dam.",
    kinds: ["attributed", "denial"],
  },
  { rule: "calling false: a false start is no claim", text: "The race had a false start on Sunday.", none: true },
  {
    rule: "calling false: not true",
    text: "The embassy said the story was not true.",
    kinds: ["attributed", "denial"],
    stance: "denies",
  },
  {
    rule: "calling false: no truth",
    text: "There is no truth to the reports, the ministry said.",
    kinds: ["attributed", "denial"],
    cues: ["no truth"],
  },
  {
    rule: "calling false: exaggerated",
    text: "The governor said the figures were exaggerated.",
    kinds: ["attributed", "denial"],
  },
  {
    rule: "disputed as flawed",
    text: "A ministry spokeswoman told reporters the report has inconsistencies.",
    kinds: ["attributed", "denial", "anonymous"],
    cues: ["has inconsistencies"],
  },
  {
    rule: "calling false: inaccurate",
    text: "The agency said the figures were inaccurate.",
    kinds: ["attributed", "denial"],
  },
  { rule: "flaw nouns without a document are no claim", text: "Errors in the code slowed the launch.", none: true },
  { rule: "truth words alone are no claim", text: "The results were true to form.", none: true },
  {
    rule: "calling false: faked",
    text: "The regime claims the videos were faked.",
    kinds: ["attributed", "denial"],
    source: "regime",
  },
  // Non-confirmation: a denial-kind cue, a distinct stance.
  {
    rule: "non-confirmation",
    text: "The police could not confirm the number of arrests.",
    kinds: ["attributed", "denial"],
    stance: "cannot-confirm",
  },
  {
    rule: "non-confirmation",
    text: "The monitor said it had seen no evidence that troops had moved.",
    kinds: ["attributed", "denial"],
    stance: "cannot-confirm",
  },
  {
    rule: "non-confirmation",
    text: "We have no evidence that the convoy was hit.",
    kinds: ["denial"],
    source: null,
    stance: "cannot-confirm",
  },
  {
    rule: "non-confirmation",
    text: "The Associated Press cannot verify the footage.",
    kinds: ["attributed", "denial"],
    stance: "cannot-confirm",
  },
  // Hedges of estimate and suspicion.
  {
    rule: "estimate",
    text: "An estimated 4,000 families fled the valley.",
    kinds: ["hedged"],
    source: null,
    cues: ["estimated"],
  },
  {
    rule: "estimate",
    text: "Aid groups estimated that 4,000 families fled.",
    kinds: ["attributed", "hedged", "anonymous"],
    source: "Aid groups",
  },
  { rule: "estimate", text: "It is now estimated that 900 homes were lost.", kinds: ["hedged"], source: null },
  {
    rule: "suspicion",
    text: "Police arrested a suspected smuggler near the port.",
    kinds: ["hedged"],
    cues: ["suspected"],
  },
  {
    rule: "reported as adjective",
    text: "The inquiry looks into reported abuses in the prison.",
    kinds: ["hedged"],
    cues: ["reported"],
  },
  {
    rule: "alleged as adjective",
    text: "Alleged ballot fraud delayed the count.",
    kinds: ["hedged"],
    cues: ["Alleged"],
  },
  {
    rule: "reported as verb is no hedge",
    text: "The health office reported 212 deaths.",
    kinds: ["attributed"],
    source: "health office",
  },
  // Hedges of ignorance.
  {
    rule: "ignorance",
    text: "Officials do not yet know how many people died.",
    kinds: ["attributed", "hedged", "anonymous"],
    cues: ["not yet know"],
  },
  {
    rule: "ignorance",
    text: "The coroner was unable to determine the cause of death.",
    kinds: ["hedged"],
    cues: ["unable to determine"],
  },
  { rule: "ignorance", text: "The board does not have definitive answers about the leak.", kinds: ["hedged"] },
  { rule: "ignorance", text: "We have no accurate information about the blast.", kinds: ["hedged"], source: null },
  { rule: "ignorance", text: "It is unclear whether the dam held.", kinds: ["hedged"], cues: ["unclear"] },
  {
    rule: "ignorance: a vote of no confidence is a procedure",
    text: "The council held a vote of no confidence in May.",
    none: true,
  },
  // Hedges of likelihood.
  { rule: "likelihood", text: "The outbreak was probably caused by the well.", kinds: ["hedged"], cues: ["probably"] },
  { rule: "likelihood", text: "A second strike is very unlikely.", kinds: ["hedged"], cues: ["unlikely"] },
  { rule: "likelihood", text: "The blast plausibly came from a gas line.", kinds: ["hedged"], cues: ["plausibly"] },
  {
    rule: "likelihood: a superlative is no hedge",
    text: "The repairs were done to the highest possible standard.",
    none: true,
  },
  { rule: "likelihood: a modal without a verb", text: "If I may, I will begin with the budget.", none: true },
  // First-person text voice vs an issuing body naming itself.
  { rule: "first person is the text's voice", text: "We assess that the regime used a nerve agent.", none: true },
  {
    rule: "first person with a hedge",
    text: "We assess that a second attack is highly unlikely.",
    kinds: ["hedged"],
    source: null,
  },
  { rule: "first person with a hedge", text: "I think the numbers may be higher.", kinds: ["hedged"], source: null },
  {
    rule: "issuing body in the third person",
    text: "The statistics office today announced that exports fell.",
    kinds: ["attributed"],
    source: "statistics office",
  },
  {
    rule: "issuing body in the third person",
    text: "The United States Government assesses that the plant was hit.",
    kinds: ["attributed"],
    source: "United States Government",
  },
  // Reported counts are attributed.
  {
    rule: "reported count",
    text: "Health officials have recorded about 900 cases.",
    kinds: ["attributed", "anonymous"],
    source: "officials",
  },
  {
    rule: "reported count",
    text: "The province reported 212 deaths on Sunday.",
    kinds: ["attributed"],
    source: "province",
  },
  { rule: "a recording is no count", text: "The band recorded an album in Lagos.", none: true },
  {
    rule: "puts a figure at",
    text: "The ministry puts the death toll at 300.",
    kinds: ["attributed"],
    source: "ministry",
  },
  { rule: "puts without a figure", text: "The company put the plan on hold.", none: true },
  { rule: "feared as a predicate", text: "At least 40 people are feared dead.", kinds: ["hedged"], cues: ["feared"] },
  {
    rule: "belief with a clause",
    text: "Officials think the toll will rise.",
    kinds: ["attributed", "anonymous"],
    source: "Officials",
  },
  { rule: "belief without a clause", text: "He thought about the offer.", none: true },
  { rule: "curly apostrophes", text: "We don’t yet know how many were hurt.", kinds: ["hedged"], source: null },
  {
    rule: "curly apostrophes",
    text: "The ministry said the plant didn’t close.",
    kinds: ["attributed", "denial"],
    stance: "denies",
  },
  {
    rule: "a speaker's finding",
    text: "The panel found that the fire started in the kitchen.",
    kinds: ["attributed"],
    source: "panel",
  },
  { rule: "finding an object is no claim", text: "Police found a body in the river.", none: true },
  // Documents as sources are attributed, not anonymous.
  {
    rule: "document source",
    text: "The assessment found that the shelter was overcrowded.",
    kinds: ["attributed"],
    source: "assessment",
  },
  {
    rule: "document source",
    text: "A study published last week suggests that rents rose.",
    kinds: ["attributed", "hedged"],
    source: "study",
  },
  {
    rule: "document source with its commissioner",
    text: "A draft report commissioned by the ministry says far fewer people died.",
    kinds: ["attributed"],
    source: "draft report",
  },
  {
    rule: "document's author is its source",
    text: "Satellite images released by researchers show new trenches.",
    kinds: ["attributed", "anonymous"],
    source: "researchers",
  },
  {
    rule: "images as a document (plural documents are unnamed, like reports)",
    text: "Satellite images show new trenches near the town.",
    kinds: ["attributed", "anonymous"],
    source: "Satellite images",
  },
  {
    rule: "denial verb: rebuffed",
    text: "The army rebuffed the accusations.",
    kinds: ["attributed", "denial"],
    source: "army",
    stance: "denies",
  },
  {
    rule: "calling false: denounced as",
    text: "The minister denounced the report as a fabrication.",
    kinds: ["attributed", "denial"],
    source: "minister",
  },
  {
    rule: "according to a document",
    text: "According to the census, the town has 12,000 residents.",
    kinds: ["attributed"],
    source: "census",
  },
  { rule: "according to a rule is no claim", text: "The vote went according to plan.", none: true },
  // Unnamed groups are anonymous; named agencies are not.
  {
    rule: "unnamed group",
    text: "Rights groups said hundreds were detained.",
    kinds: ["attributed", "anonymous"],
    source: "Rights groups",
  },
  {
    rule: "unnamed group",
    text: "News agencies reported that the bridge collapsed.",
    kinds: ["attributed", "anonymous"],
    source: "News agencies",
  },
  {
    rule: "unnamed group",
    text: "Local media and NGOs estimated that 300 people were held.",
    kinds: ["attributed", "hedged", "anonymous"],
    source: "media and NGOs",
  },
  {
    rule: "unnamed group",
    text: "Farmers reported severe losses after the frost.",
    kinds: ["attributed", "anonymous"],
    source: "Farmers",
  },
  {
    rule: "unnamed speaker",
    text: "A ministry spokeswoman told reporters the talks had ended.",
    kinds: ["attributed", "anonymous"],
    source: "spokeswoman",
  },
  {
    rule: "unnamed speaker",
    text: "One resident said the water had risen overnight.",
    kinds: ["attributed", "anonymous"],
    source: "resident",
  },
  {
    rule: "unnamed speaker: the document is named",
    text: "A report said the water had risen overnight.",
    kinds: ["attributed"],
    source: "report",
  },
  {
    rule: "named agency",
    text: "Ukrainian military intelligence said the brigade had moved.",
    kinds: ["attributed"],
    source: "Ukrainian military intelligence",
  },
  {
    rule: "generic intelligence",
    text: "U.S. intelligence suggests the launch failed.",
    kinds: ["attributed", "hedged", "anonymous"],
  },
  {
    rule: "anonymity marker alone is no claim",
    text: "The files were forwarded to a professor from an anonymous source.",
    none: true,
  },
  // Claim nouns alone report as the subject, after "there are", or before "that".
  {
    rule: "claim noun as subject",
    text: "Reports of looting spread through the city.",
    kinds: ["attributed", "anonymous"],
    source: "Reports",
  },
  {
    rule: "claim noun after 'there were'",
    text: "There were reports of looting overnight.",
    kinds: ["attributed", "anonymous"],
  },
  {
    rule: "claim noun before 'that'",
    text: "The town emptied amid reports that the dam had cracked.",
    kinds: ["attributed", "anonymous"],
  },
  {
    rule: "claim noun in an adjunct is no claim",
    text: "Following reports of looting, the council met on Monday.",
    none: true,
  },
  // Passed-on claims name the original source.
  {
    rule: "passed-on claim",
    text: "According to estimates by local officials, 500 homes were destroyed.",
    kinds: ["attributed", "hedged", "anonymous"],
    source: "local officials",
  },
  {
    rule: "passed-on claim",
    text: "The newspaper reported that the aim was, as one officer put it, to buy time.",
    kinds: ["attributed", "anonymous"],
    source: "officer",
  },
  {
    rule: "claims made by a subject",
    text: "The senator made some startling assertions on television, alleging that the firm had paid bribes.",
    kinds: ["attributed"],
    source: "senator",
  },
  {
    rule: "cite names a reason",
    text: "The government continued to cite security concerns as grounds for the ban.",
    kinds: ["attributed"],
    source: "government",
  },
  // Sources: the body before an "of the" and before a bracketed abbreviation.
  {
    rule: "X of the Y",
    text: "The Bureau of Statistics of the Ministry of Finance reported today that prices rose.",
    kinds: ["attributed"],
    source: "Bureau of Statistics",
  },
  {
    rule: "(ABBR) before the verb",
    text: "The Office for Refugee Affairs (ORA) reported that 300 families arrived.",
    kinds: ["attributed"],
    source: "Office for Refugee Affairs",
  },
  // Framed verbs.
  {
    rule: "projects that",
    text: "The agency projects that output will grow next year.",
    kinds: ["attributed"],
    source: "agency",
  },
  { rule: "projects as a noun", text: "The projects will be finished in June.", none: true },
  {
    rule: "refers to X as",
    text: "The government has referred to the camps as schools.",
    kinds: ["attributed"],
    source: "government",
  },
  { rule: "passive of observation is no hedge", text: "Subsidence was observed along the coast.", none: true },
  {
    rule: "comparative passive is no hedge",
    text: "The agency said fewer people died than had been previously reported.",
    kinds: ["attributed"],
  },
  // The subject stands before a prepositional phrase between it and the verb.
  {
    rule: "adverbial phrase before the verb",
    text: "The relief agency over the weekend announced 8,200 dead.",
    kinds: ["attributed"],
    source: "relief agency",
  },
  {
    rule: "adverbial phrase before the verb",
    text: "The coast guard on Monday reported 40 missing.",
    sourceExact: "coast guard",
  },
  {
    rule: "a place after a preposition is not the subject",
    text: "Union organizers in Leeds claimed a turnout of 9,000.",
    sourceExact: "Union organizers",
  },
  {
    rule: "a time after a preposition is not part of the speaker",
    text: "The interior ministry on Tuesday dismissed the allegations as baseless.",
    kinds: ["attributed", "denial"],
    sourceExact: "interior ministry",
  },
  // A negation inside the speaker's description is not the statement reported.
  {
    rule: "negation in the subject phrase is no denial",
    text: "Two diplomats, who asked not to be named because they were not authorized to speak, said the talks had stalled.",
    kinds: ["attributed", "anonymous"],
  },
  {
    rule: "document verb 'reads'",
    text: "The statement reads that the convoy reached the border.",
    kinds: ["attributed"],
    source: "statement",
  },
  // A document named after the words it reports, its verb last.
  {
    rule: "closing document attribution",
    text: '"The convoy never left the depot," the statement read.',
    kinds: ["attributed", "denial"],
    sourceExact: "statement",
  },
  {
    rule: "closing document attribution",
    text: "Most of the grain was lost, the audit found.",
    kinds: ["attributed"],
    sourceExact: "audit",
  },
  // "close to X", "familiar with X": the unnamed speaker, not X, is the source.
  {
    rule: "post-modified anonymous source",
    text: "Sources close to the governor said the plan was dropped.",
    kinds: ["attributed", "anonymous"],
    sourceExact: "Sources close to the governor",
  },
  {
    rule: "post-modified anonymous source",
    text: "A person familiar with the inquiry said the samples were spoiled.",
    kinds: ["attributed", "anonymous"],
    sourceExact: "person familiar with the inquiry",
  },
  // A negated report reports nothing; a passive non-confirmation has no speaker.
  {
    rule: "negated reporting verb",
    text: "The ministry did not immediately respond to a request for comment.",
    none: true,
  },
  { rule: "negated reporting verb", text: "The general would not say whether troops had crossed.", none: true },
  {
    rule: "passive non-confirmation has no source",
    text: "The casualty figures could not be independently confirmed.",
    kinds: ["denial"],
    source: null,
    stance: "cannot-confirm",
  },
  // Verbs of suspicion hedge what their subject reports.
  {
    rule: "suspicion verb",
    text: "Investigators suspect the fire was deliberately set.",
    kinds: ["attributed", "hedged", "anonymous"],
    sourceExact: "Investigators",
  },
  // Denying one's part in an event: "not responsible" after "be" is a negated fact, "not credible" a judgement.
  {
    rule: "negated role adjective",
    text: "The militia said it was not responsible for the blast.",
    kinds: ["attributed", "denial"],
    stance: "denies",
  },
  // A denial is said by whoever denies, not by the source cited in the clause before.
  {
    rule: "denial source in a coordinated clause",
    text: "The bulletin cited the Health Bureau, but its director Omar Haddad rejected the figures.",
    kinds: ["attributed", "denial"],
    source: "Omar Haddad",
    stance: "denies",
  },
  // A singular count noun needs a determiner: a bare "Official" before a noun is an adjective.
  { rule: "bare singular noun is no speaker", text: "Official confirmed deaths stood at 912 on Friday.", none: true },
];
