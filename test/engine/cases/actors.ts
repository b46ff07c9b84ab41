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
  {
    rule: "span text with two spaces",
    text: "Goldman  Sachs analysts expect a slowdown.",
    actors: [["Goldman  Sachs", "organization", "goldman-sachs"]],
  },

  // A name particle joined by a hyphen stays in the name, after a title too.
  {
    rule: "hyphenated particle after a title",
    text: "Its spokesman Tariq al-Hashimi rejected the figures.",
    actors: [["Tariq al-Hashimi", "person", "tariq-al-hashimi"]],
    absent: ["Tariq"],
  },

  // A country word right before a known body's name is part of it; with a possessive they are two actors.
  {
    rule: "demonym + known body",
    text: "Aid was handed out by the Syrian Red Crescent on Monday.",
    actors: [["Syrian Red Crescent", "organization", "red-crescent"]],
    absent: ["Syrian"],
  },
  {
    rule: "possessive keeps two actors",
    text: "Chad's Red Cross teams arrived on Monday.",
    absent: ["Chad's Red Cross"],
  },
  // A storm's or an operation's name is an event, not a person.
  {
    rule: "named storm",
    text: "The death toll from Typhoon Halong rose to 312, officials said.",
    absent: ["Typhoon Halong", "Halong"],
  },
  {
    rule: "named operation",
    text: "Operation Desert Lance began in July, the army said.",
    absent: ["Operation Desert Lance", "Desert Lance"],
  },

  // Institutions with an inner of/for/on/in and country words are one organization.
  {
    rule: "Government of X",
    text: "The Government of Chile announced new measures.",
    actors: [["Government of Chile", "organization", "government-of-chile"]],
    absent: ["Chile"],
  },
  {
    rule: "country + Government",
    text: "The United States Government assesses the risk as low.",
    actors: [["United States Government", "organization", "united-states-government"]],
    absent: ["United States"],
  },
  {
    rule: "the <demonym> government is the state",
    text: "The Peruvian Government rejected the plan.",
    actors: [["Peruvian", "country", "peru"]],
    absent: ["Peruvian Government"],
  },
  {
    rule: "inner 'on' after a head word",
    text: "The Select Commission on Kenya held hearings.",
    actors: [["Select Commission on Kenya", "organization", "select-commission-on-kenya"]],
    absent: ["Kenya"],
  },
  {
    rule: "inner 'in' before a country",
    text: "The Assistance Mission in Sudan reported delays.",
    actors: [["Assistance Mission in Sudan", "organization", "assistance-mission-in-sudan"]],
    absent: ["Sudan"],
  },
  {
    rule: "inner 'in' not before a city",
    text: "The Council in Brussels met on Monday.",
    absent: ["Council in Brussels"],
  },
  {
    rule: "country word before an institution",
    text: "The U.S. Geological Service issued a warning.",
    actors: [["U.S. Geological Service", "organization", "u-s-geological-service"]],
    absent: ["U.S."],
  },
  {
    rule: "middle initial in a name",
    text: "Senator Mary K. Lawson released a statement.",
    actors: [["Mary K. Lawson", "person", "mary-k-lawson"]],
  },

  // Acronyms take the reading of the name they are defined for.
  {
    rule: "acronym of an organization, used alone later",
    text: "The Ministry of Water Resources (MoWR) opened wells. Later MoWR closed two of them.",
    actors: [
      ["Ministry of Water Resources", "organization", "ministry-of-water-resources"],
      ["MoWR", "organization", "ministry-of-water-resources"],
    ],
  },
  {
    rule: "acronym of lower-case words is no actor",
    text: "Inspectors found improvised explosive devices (IEDX) near the road. IEDX officials were not named.",
    absent: ["IEDX"],
  },
  {
    rule: "acronym of a region is no actor",
    text: "The Tigray Autonomous Region (TAR) was sealed off. TAR officials said little.",
    absent: ["TAR"],
  },
  {
    rule: "acronym of a programme without a head word is no actor",
    text: "Local Search and Rescue (LSAR) teams arrived.",
    absent: ["LSAR", "Local Search"],
  },
  {
    rule: "slash compound of acronyms",
    text: "On Monday, UNDP/BCPR released funds.",
    actors: [["UNDP/BCPR", "organization", "undp-bcpr"]],
  },
  {
    rule: "the ACRONYM acts",
    text: "Yesterday the JTF met to review the evidence.",
    actors: [["JTF", "organization", "jtf"]],
  },

  // Laws, documents, indices and conditions are not actors, nor the country word inside them.
  {
    rule: "law",
    text: "The measure extends the National Security Law to new offences.",
    absent: ["National Security Law"],
  },
  { rule: "act with a country word", text: "Congress passed the KENYA Act last year.", absent: ["KENYA", "Kenya"] },
  {
    rule: "declaration of",
    text: "The Universal Charter of Labour Rights begins with a promise.",
    absent: ["Universal Charter"],
  },
  {
    rule: "leaked documents with a country name",
    text: "The Nigeria Papers were published in 2021.",
    absent: ["Nigeria"],
  },
  { rule: "data", text: "Employment (Household Panel Data) fell slightly.", absent: ["Household Panel Data"] },

  // Ethnic and religious groups are not persons or states.
  { rule: "religious group", text: "Many Ahmadi Muslims reported harassment.", absent: ["Ahmadi Muslims"] },
  { rule: "ethnic + demonym", text: "Police detained ethnic Uzbeks and Tajiks in the city.", absent: ["Uzbeks"] },

  // Places are not actors.
  {
    rule: "known town in a list",
    text: "Teams searched Jacmel, Fort Dauphin and Les Cayes.",
    absent: ["Fort Dauphin", "Les Cayes"],
  },
  {
    rule: "list after a locative",
    text: "Shaking was felt at Monte Verde, Rio Claro and Santa Luz.",
    absent: ["Monte Verde", "Rio Claro", "Santa Luz"],
  },
  {
    rule: "list closed by a plural place noun",
    text: "Aid reached the Alto Norte, Baja Sierra and Costa Larga provinces.",
    absent: ["Alto Norte", "Baja Sierra", "Costa Larga"],
  },
  { rule: "place from the table without accents", text: "Aid convoys left Leogane yesterday.", absent: ["Leogane"] },
  { rule: "capital after 'suburbs of'", text: "Shelling hit the suburbs of Damascus overnight.", absent: ["Damascus"] },
  { rule: "capital + -based", text: "A Nairobi-based charity ran the survey.", absent: ["Nairobi"] },
  {
    rule: "capital as object of a motion verb",
    text: "Thousands departed Kabul for the provinces.",
    absent: ["Kabul"],
  },
  {
    rule: "capital in a list after a locative",
    text: "It was felt at Cartago, Lima and Quito.",
    absent: ["Lima", "Quito"],
  },
  {
    rule: "capital standing for the state",
    text: "Damascus denied the reports.",
    actors: [["Damascus", "country", "syria"]],
  },
  {
    rule: "capitals listed as states",
    text: "Ties between Moscow and Tehran have grown.",
    actors: [
      ["Moscow", "country", "russia"],
      ["Tehran", "country", "iran"],
    ],
  },
  {
    rule: "capital with a possessive",
    text: "In Pyongyang's view the talks failed.",
    actors: [["Pyongyang", "country", "north-korea"]],
  },
  // Persons that no list names, by the shape of the name and how the text uses it.
  {
    rule: "occupation before a name",
    text: "It was sent to historian Marta Quillen from a private source.",
    actors: [["Marta Quillen", "person", "marta-quillen"]],
  },
  {
    rule: "kinship noun before a first name, later mentions",
    text: "I met Sara Okoye, whose son Tunde was arrested. Tunde was held for a year. Tunde’s lawyer spoke.",
    actors: [
      ["Sara Okoye", "person", "sara-okoye"],
      ["Tunde", "person", "tunde"],
    ],
  },
  {
    rule: "a name addressed after 'Thank you,'",
    text: "Thank you, Ilona. Let me begin.",
    actors: [["Ilona", "person", "ilona"]],
  },
  {
    rule: "a name before ', whose'",
    text: "We spoke to Omar Haddad, whose shop was burned.",
    actors: [["Omar Haddad", "person", "omar-haddad"]],
  },
  {
    rule: "first-name alias of a person named before",
    text: "I spoke to Lena Varga, who lost her home. Lena reminded me of the cost.",
    actors: [
      ["Lena Varga", "person", "lena-varga"],
      ["Lena", "person", "lena-varga"],
    ],
  },
  {
    rule: "hyphenated particle and bare surname",
    text: "President Hafez al-Rahmani spoke first. Later Rahmani said more.",
    actors: [
      ["Hafez al-Rahmani", "person", "hafez-al-rahmani"],
      ["Rahmani", "person", "hafez-al-rahmani"],
    ],
  },
  {
    rule: "commissioner is a title",
    text: "The Refugee Commissioner Dana Holt arrived.",
    actors: [["Dana Holt", "person", "dana-holt"]],
  },
  {
    rule: "two capitalized words after a locative are a place",
    text: "Food was shipped to Villa Nueva on Friday.",
    absent: ["Villa Nueva"],
  },
  {
    rule: "an unnamed body alone",
    text: "During the Commission’s reporting year, little changed.",
    absent: ["Commission"],
  },
  {
    rule: "institution with 'of the' and an ordinal",
    text: "The Standing Committee of the 9th National Assembly met.",
    actors: [
      [
        "Standing Committee of the 9th National Assembly",
        "organization",
        "standing-committee-of-the-9th-national-assembly",
      ],
    ],
  },
  // Transcript speaker labels in capitals name persons; titles are not part of the span.
  {
    rule: "speaker label with a role",
    text: "MARIA DELGADO, QUESTION: Thank you for your time.",
    actors: [["MARIA DELGADO", "person", "maria-delgado"]],
    absent: ["QUESTION"],
  },
  {
    rule: "speaker label with a title and a country",
    text: "PRIME MINISTER OF CANADA ELENA MARSH: We will respond.",
    actors: [
      ["CANADA", "country", "canada"],
      ["ELENA MARSH", "person", "elena-marsh"],
    ],
  },
  {
    rule: "speaker label of a listed person",
    text: "VLADIMIR PUTIN: We have no information.",
    actors: [["VLADIMIR PUTIN", "person", "vladimir-putin"]],
  },
  {
    rule: "one word after a courtesy title",
    text: "MR. HALLORAN: Good afternoon.",
    actors: [["HALLORAN", "person", "halloran"]],
  },
  { rule: "a notice label is no speaker", text: "NOTE: the figures are provisional.", absent: ["NOTE"] },
  // Organizations by use.
  {
    rule: "name in apposition after a type noun",
    text: "The survey was run by a polling firm, Harbor Insight.",
    actors: [["Harbor Insight", "organization", "harbor-insight"]],
  },
  {
    rule: "an acronym read as a body once is that body everywhere",
    text: "NDMA's teams arrived first. Later NDMA coordinated the relief.",
    actors: [["NDMA", "organization", "ndma"]],
  },
  {
    rule: "possessive splits a country from its ministry",
    text: "Kenya's Foreign Ministry summoned the envoy.",
    actors: [
      ["Kenya", "country", "kenya"],
      ["Foreign Ministry", "organization", "foreign-ministry"],
    ],
  },
  {
    rule: "the <demonym> government is the country",
    text: "The Chilean government denied the report.",
    actors: [["Chilean", "country", "chile"]],
  },
  {
    rule: "U.N. before an institution is one span",
    text: "Supplies came from the U.N. World Food Program on Monday.",
    actors: [["U.N. World Food Program", "organization", "u-n-world-food-program"]],
  },
  {
    rule: "a town closing a locative list does not speak",
    text: "Officials in Ternopil and Lutsk said the strikes stopped.",
    absent: ["Lutsk"],
  },
  {
    rule: "a lone surname that speaks",
    text: "The talks stalled, Hamilton said.",
    actors: [["Hamilton", "person", "hamilton"]],
  },
  { rule: "a title addressed is no name", text: "Thank you, Chairman. We begin.", absent: ["Chairman"] },
  {
    rule: "'and' inside an institution's name",
    text: "The Ministry of Water and Sanitation said wells were dry.",
    actors: [["Ministry of Water and Sanitation", "organization", "ministry-of-water-and-sanitation"]],
    absent: ["Sanitation"],
  },
  {
    rule: "'and' before words ending in a head word",
    text: "The Fish and Wildlife Service closed the park.",
    actors: [["Fish and Wildlife Service", "organization", "fish-and-wildlife-service"]],
  },
  {
    rule: "'and' between two countries joins nothing",
    text: "Chile and Peru signed the accord.",
    actors: [
      ["Chile", "country", "chile"],
      ["Peru", "country", "peru"],
    ],
  },
  {
    rule: "'of the' after a head word",
    text: "The Ministry of the Environment issued a warning.",
    actors: [["Ministry of the Environment", "organization", "ministry-of-the-environment"]],
  },
  {
    rule: "a body of another body is two actors",
    text: "The Statistics Office of the Department of Finance reported a rise.",
    actors: [
      ["Statistics Office", "organization", "statistics-office"],
      ["Department of Finance", "organization", "department-of-finance"],
    ],
  },
  {
    rule: "a single name after a title",
    text: "Pope Leontius visited the camp.",
    actors: [["Leontius", "person", "leontius"]],
  },
  {
    rule: "plural document head with a capital in it",
    text: "Under the Minsk Agreements both sides withdrew.",
    absent: ["Minsk"],
  },
  {
    rule: "an embassy with a country word is one organization",
    text: "Staff at the U.S. Embassy in Lima reported symptoms.",
    actors: [["U.S. Embassy", "organization", "u-s-embassy"]],
    absent: ["U.S.", "Lima"],
  },
  {
    rule: "a condition named after a city",
    text: "Doctors studied Lima Syndrome for years.",
    absent: ["Lima", "Lima Syndrome"],
  },
  {
    rule: "speaker label alone on its line",
    text: "LENA ORTIZ:\nWe have seen the reports and we are checking them.",
    actors: [["LENA ORTIZ", "person", "lena-ortiz"]],
  },
  {
    rule: "an age in apposition",
    text: "Tomas Ruel, 34, died in the valley.",
    actors: [["Tomas Ruel", "person", "tomas-ruel"]],
  },
  { rule: "a courtesy title addressed is no name", text: "We thank you, Mr. President, for coming.", absent: ["Mr"] },
];
