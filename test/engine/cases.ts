// Data-driven cases for the engine: short sentences written for these tests, one rule or one
// exclusion each. `expect` lists what must be found; `reject` what must not.
import type { Qualifier } from "../../server/src/engine";

export interface FigureCase {
  text: string;
  figure?: { span: string; value: number; qualifier: Qualifier; unit?: string | null; valueMax?: number };
  none?: boolean;
}

export const FIGURE_CASES: FigureCase[] = [
  {
    text: "The ministry counted 4,250 refugees at the border.",
    figure: { span: "4,250", value: 4250, qualifier: "exact", unit: "refugees" },
  },
  {
    text: "Rebels fired more than 300 rockets overnight.",
    figure: { span: "more than 300", value: 300, qualifier: "over", unit: "rockets" },
  },
  {
    text: "The convoy carried over 12,000 tonnes of grain.",
    figure: { span: "over 12,000", value: 12000, qualifier: "over", unit: "tonnes" },
  },
  { text: "Inflation rose to 7.4% in March.", figure: { span: "7.4%", value: 7.4, qualifier: "exact", unit: "%" } },
  {
    text: "Unemployment fell to 5 percent last year.",
    figure: { span: "5 percent", value: 5, qualifier: "exact", unit: "%" },
  },
  {
    text: "The fund holds one million dollars in reserve.",
    figure: { span: "one million", value: 1000000, qualifier: "exact", unit: "dollars" },
  },
  {
    text: "Exports reached 1.5 billion euros.",
    figure: { span: "1.5 billion", value: 1500000000, qualifier: "exact", unit: "euros" },
  },
  {
    text: "The militia has about 10k fighters.",
    figure: { span: "about 10k", value: 10000, qualifier: "approx", unit: "fighters" },
  },
  {
    text: "Between 11,000 and 12,000 people fled.",
    figure: { span: "Between 11,000 and 12,000", value: 11000, valueMax: 12000, qualifier: "approx", unit: "people" },
  },
  {
    text: "Officials estimated 11,000 to 12,000 deaths.",
    figure: { span: "11,000 to 12,000", value: 11000, valueMax: 12000, qualifier: "approx", unit: "deaths" },
  },
  {
    text: "Thousands of protesters gathered downtown.",
    figure: { span: "Thousands", value: 1000, qualifier: "vague", unit: "protesters" },
  },
  { text: "The navy lost dozens of boats.", figure: { span: "dozens", value: 12, qualifier: "vague", unit: "boats" } },
  {
    text: "Tens of thousands of residents were evacuated.",
    figure: { span: "Tens of thousands", value: 10000, qualifier: "vague", unit: "residents" },
  },
  {
    text: "Up to 40 tankers were seen in the port.",
    figure: { span: "Up to 40", value: 40, qualifier: "upto", unit: "tankers" },
  },
  {
    text: "As many as 900 prisoners were freed.",
    figure: { span: "As many as 900", value: 900, qualifier: "upto", unit: "prisoners" },
  },
  {
    text: "At least 17 journalists were detained.",
    figure: { span: "At least 17", value: 17, qualifier: "atleast", unit: "journalists" },
  },
  {
    text: "Fewer than 50 inspectors remain.",
    figure: { span: "Fewer than 50", value: 50, qualifier: "under", unit: "inspectors" },
  },
  {
    text: "His spokesman said the figure was closer to 6,500.",
    figure: { span: "closer to 6,500", value: 6500, qualifier: "approx" },
  },
  {
    text: "Nearly 600 flights were cancelled.",
    figure: { span: "Nearly 600", value: 600, qualifier: "approx", unit: "flights" },
  },
  { text: "The talks lasted 12 hours.", figure: { span: "12", value: 12, qualifier: "exact", unit: "hours" } },
  {
    text: "The alliance sent three frigates.",
    figure: { span: "three", value: 3, qualifier: "exact", unit: "frigates" },
  },
  {
    text: "The deal is worth $2.5 billion over five years.",
    figure: { span: "five", value: 5, qualifier: "exact", unit: "years" },
  },
  {
    text: "It was the first visit in over 30 years.",
    figure: { span: "over 30", value: 30, qualifier: "over", unit: "years" },
  },
  {
    text: "The EU pledged €300m in aid.",
    figure: { span: "€300m", value: 300000000, qualifier: "exact", unit: "EUR" },
  },
  // Exclusions
  { text: "Analysts at 38 North wrote a report.", none: true },
  { text: "A 45-year-old man was arrested at 7 p.m. on Monday.", none: true },
  { text: "Kyiv asked for F-16 jets after the 2022-23 winter.", none: true },
  { text: "The treaty was signed on 19 June 2024 in Vienna.", none: true },
  { text: "The war began in 2014.", none: true },
  { text: "It was the first visit since the 1990s.", none: true },
  { text: "The 82nd Airborne Division arrived.", none: true },
  { text: "Call +44-20-7946-0958 for details.", none: true },
  { text: "The COVID-19 pandemic slowed trade.", none: true },
  { text: "The two countries signed a deal.", none: true },
  { text: "One of the ministers resigned.", none: true },
  { text: "Resolution 2397 bans such sales.", none: true },
  { text: "The meeting ended at 17:30 local time.", none: true },
  { text: "It is a one-party state.", none: true },
  { text: "Updated 23-10-2024 by the desk.", none: true },
];

export interface ClaimCase {
  text: string;
  kinds?: string[];
  source?: string | null;
  cues?: string[];
  stance?: string;
  none?: boolean;
}

export const CLAIM_CASES: ClaimCase[] = [
  {
    text: "The governor said the bridge would reopen in May.",
    kinds: ["attributed"],
    source: "governor",
    stance: "asserts",
  },
  {
    text: "According to the Red Cross, the camp is overcrowded.",
    kinds: ["attributed"],
    source: "Red Cross",
    cues: ["According to"],
  },
  { text: "The factory was reportedly damaged in the strike.", kinds: ["hedged"], source: null, cues: ["reportedly"] },
  { text: "The rebels may have seized the airport.", kinds: ["hedged"], source: null, cues: ["may"] },
  { text: "The fire could spread to the village.", kinds: ["hedged"], cues: ["could"] },
  {
    text: "Officials claim the convoy was attacked.",
    kinds: ["attributed", "anonymous"],
    source: "Officials",
    stance: "claims",
  },
  { text: "Analysts say the sanctions are failing.", kinds: ["attributed", "anonymous"], source: "Analysts" },
  { text: "The Foreign Ministry denied the accusations.", kinds: ["attributed", "denial"], stance: "denies" },
  {
    text: "Moscow rejected the report as fabricated.",
    kinds: ["attributed", "denial"],
    source: "Moscow",
    stance: "denies",
  },
  {
    text: "The spokesman could not confirm the number of victims.",
    kinds: ["attributed", "denial"],
    stance: "cannot-confirm",
  },
  {
    text: "A senior official, speaking on condition of anonymity, said talks had stalled.",
    kinds: ["attributed", "anonymous"],
  },
  {
    text: "Prime Minister Anna Berg warned that prices may rise.",
    kinds: ["attributed", "hedged"],
    source: "Anna Berg",
    stance: "warns",
  },
  { text: '"We will not retreat," Colonel Ivan Petrov told reporters.', kinds: ["attributed"], source: "Ivan Petrov" },
  { text: "The drones are said to carry cameras.", kinds: ["hedged"], source: null },
  { text: "The plan is seen as a concession.", kinds: ["hedged"], source: null },
  {
    text: "Sources close to the negotiations said the talks could resume.",
    kinds: ["attributed", "hedged", "anonymous"],
    source: "Sources close to the negotiations",
  },
  {
    text: "The Health Ministry in Gaza said 40 people were killed.",
    kinds: ["attributed"],
    source: "Health Ministry in Gaza",
  },
  {
    text: "Moscow has never acknowledged the deployment.",
    kinds: ["attributed", "denial"],
    source: "Moscow",
    stance: "cannot-confirm",
  },
  { text: "The regional governor blamed saboteurs for the blackout.", kinds: ["attributed"], stance: "alleges" },
  {
    text: "Annual inflation slowed to 4.1%, the statistics office said on Monday.",
    kinds: ["attributed"],
    source: "statistics office",
  },
  { text: "The report found that 40 people had died.", kinds: ["attributed"], source: "report" }, // a document as source is named, not anonymous (GUIDELINE "More conventions")
  {
    text: "According to a report by Human Rights Watch, the camp was shelled.",
    kinds: ["attributed"],
    source: "Human Rights Watch",
  },
  { text: "Police found a body in the river.", none: true },
  {
    text: 'The Russian embassy in London called the decision "reckless".',
    kinds: ["attributed"],
    source: "Russian embassy in London",
  },
  {
    text: "Russian forces have almost certainly lost more than 400 tanks.",
    kinds: ["hedged"],
    cues: ["almost certainly"],
  },
  {
    text: "Reporting indicates Moscow has moved 20,000 reservists.",
    kinds: ["attributed", "anonymous"],
    source: "Reporting",
  },
  {
    text: "The Institute for the Study of War said losses were high.",
    kinds: ["attributed"],
    source: "Institute for the Study of War",
  },
  {
    text: "The minister claimed the offensive was proceeding according to plan.",
    kinds: ["attributed"],
    cues: ["claimed"],
  },
  {
    text: "It was not immediately possible to verify the claims.",
    kinds: ["denial"],
    source: null,
    stance: "cannot-confirm",
  },
  {
    text: '"The numbers are not credible," one Western diplomat said.',
    kinds: ["attributed", "anonymous"],
    source: "Western diplomat",
  },
  { text: "The figures were published by the health ministry.", kinds: ["attributed"], source: "health ministry" },
  {
    text: "TASS quoted the Russian defence ministry as saying that 300 soldiers were killed.",
    kinds: ["attributed"],
    source: "Russian defence ministry",
  },
  // Not claims: the text's own voice, noun uses, inanimate subjects.
  { text: "Hamas released three hostages on Sunday.", none: true },
  { text: "The army withdrew from the town on Friday.", none: true },
  { text: "Secretary of State Maria Lopez visited the port.", none: true },
  { text: "The exercises highlight a growing partnership.", none: true },
  { text: "The treaty calls for joint patrols.", none: true },
  { text: "State media showed the parade.", none: true },
];

export interface ActorCase {
  text: string;
  actors: Array<[string, "person" | "country" | "organization", string]>;
  absent?: string[];
}

export const ACTOR_CASES: ActorCase[] = [
  {
    text: "Germany and France signed the accord.",
    actors: [
      ["Germany", "country", "germany"],
      ["France", "country", "france"],
    ],
  },
  { text: "Ukrainian troops crossed the river.", actors: [["Ukrainian", "country", "ukraine"]] },
  { text: "The Ukrainians held the line.", actors: [["Ukrainians", "country", "ukraine"]] },
  {
    text: "The DPRK fired a missile and the ROK responded.",
    actors: [
      ["DPRK", "country", "north-korea"],
      ["ROK", "country", "south-korea"],
    ],
  },
  {
    text: "The U.S. and the UAE held talks.",
    actors: [
      ["U.S.", "country", "united-states"],
      ["UAE", "country", "united-arab-emirates"],
    ],
  },
  { text: "Pyongyang denied the report.", actors: [["Pyongyang", "country", "north-korea"]] },
  { text: "The delegation arrived in Pyongyang on Monday.", actors: [], absent: ["Pyongyang"] },
  { text: "The Kremlin declined to comment.", actors: [["Kremlin", "country", "russia"]] },
  { text: "Ships patrolled the Sea of Japan.", actors: [], absent: ["Japan"] },
  {
    text: "NATO and the European Union met in Brussels.",
    actors: [
      ["NATO", "organization", "nato"],
      ["European Union", "organization", "european-union"],
    ],
  },
  {
    text: "Defense Minister Elena Varga said the 3rd Mechanized Brigade would stay.",
    actors: [
      ["Elena Varga", "person", "elena-varga"],
      ["3rd Mechanized Brigade", "organization", "3rd-mechanized-brigade"],
    ],
  },
  {
    text: "Foreign Minister Tomas Reyes spoke first. Reyes then left.",
    actors: [
      ["Tomas Reyes", "person", "tomas-reyes"],
      ["Reyes", "person", "tomas-reyes"],
    ],
  },
  {
    text: "Volodymyr Zelenskyy met Zelensky's advisers.",
    actors: [
      ["Volodymyr Zelenskyy", "person", "volodymyr-zelensky"],
      ["Zelensky", "person", "volodymyr-zelensky"],
    ],
  },
  {
    text: "Reuters reported the talks, citing the Associated Press.",
    actors: [
      ["Reuters", "organization", "reuters"],
      ["Associated Press", "organization", "ap"],
    ],
  },
  {
    text: "Inflation in Turkey rose while French exports fell.",
    actors: [
      ["Turkey", "country", "turkiye"],
      ["French", "country", "france"],
    ],
  },
  {
    text: "Ships patrolled the South China Sea near the Korean Peninsula.",
    actors: [],
    absent: ["China", "South China Sea"],
  },
  {
    text: "The Rapid Support Forces (RSF) took the town. The RSF denied looting.",
    actors: [
      ["Rapid Support Forces", "organization", "rapid-support-forces"],
      ["RSF", "organization", "rapid-support-forces"],
    ],
  },
  {
    text: "State oil company PDVSA shipped the cargo, the minister told CNBC.",
    actors: [
      ["PDVSA", "organization", "pdvsa"],
      ["CNBC", "organization", "cnbc"],
    ],
  },
  { text: "The meeting ended at 5 PM UTC with no GDP figures.", actors: [], absent: ["PM", "UTC", "GDP"] },
  {
    text: "Analysts discussed the death of Yevgeny Prigozhin.",
    actors: [["Yevgeny Prigozhin", "person", "yevgeny-prigozhin"]],
  },
  {
    text: "Convoys crossed at the Kerem Shalom crossing in the town of Rafah.",
    actors: [],
    absent: ["Kerem Shalom", "Rafah"],
  },
  {
    text: "Thales, which makes the missiles, said it would hire staff. Defence Secretary John Healey told MPs about it.",
    actors: [
      ["Thales", "organization", "thales"],
      ["John Healey", "person", "john-healey"],
    ],
    absent: ["MPs"],
  },
  {
    text: "Shares of Nvidia fell, and Morgan Stanley analyst Joseph Moore said so.",
    actors: [
      ["Nvidia", "organization", "nvidia"],
      ["Morgan Stanley", "organization", "morgan-stanley"],
      ["Joseph Moore", "person", "joseph-moore"],
    ],
  },
  {
    text: "Analysts at the International Institute for Strategic Studies counted 40 People's Liberation Army jets.",
    actors: [
      ["International Institute for Strategic Studies", "organization", "iiss"],
      ["People's Liberation Army", "organization", "pla"],
    ],
  },
  {
    text: "Smith said the talks had failed. Witnesses said the Health Ministry in Gaza said so.",
    actors: [
      ["Smith", "person", "smith"],
      ["Health Ministry", "organization", "health-ministry"],
    ],
    absent: ["Witnesses", "Gaza"],
  },
  { text: "Analysts at 38 North said 5 launches took place.", actors: [["38 North", "organization", "38-north"]] },
  {
    text: "US-led forces and Russian-controlled areas.",
    actors: [
      ["US", "country", "united-states"],
      ["Russian", "country", "russia"],
    ],
  },
];
