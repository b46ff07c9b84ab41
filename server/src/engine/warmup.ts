// A small built-in text, and the edits a user makes to it, so that a long-running host (the
// language server) compiles its hot paths before the first real edit arrives. The text uses the
// constructions the engine reads (attributions, hedges, anonymous sources, denials, quotations,
// ranges, approximate and written-out figures, percentages, dates, bodies and titles), so the
// compiled code is the code an edit runs.
const SAMPLE = [
  "Border clashes: what the sources say",
  "",
  "12 May 2025",
  "",
  "The defence ministry said on Monday that more than 2,500 troops had been deployed to the border region, according to a statement. Officials in the capital reportedly expect up to 4,000 more.",
  'Neighbouring officials denied that any soldiers had crossed the border. "We have seen no evidence," spokeswoman Anna Berg told reporters. Analysts suggest the figure may be closer to 1,800.',
  "The United Nations could not confirm the numbers. About 300 civilians have fled, the agency estimates, while thousands of residents remain in the area.",
  "",
  "“Between 1,200 and 1,500 families have left the valley since March,” the Red Cross said in Geneva on Tuesday. Aid workers said 45 trucks had reached the town, but the claim could not be independently verified.",
  'A senior Turkish official, speaking on condition of anonymity, said at least 2.5 million people had been displaced in Syria on 3 April 2024. Interior Minister Omar Haddad rejected that claim, calling it "propaganda".',
  "Prices rose 12.4% in June, the highest since 2008, Reuters reported. The World Bank estimates that some 40,000 homes were destroyed, while local media put the number at nearly 65,000.",
  "",
  "Sources close to the government said dozens of soldiers were killed in the attack. The army said it lost 14 men; a witness told the BBC that as many as 200 bodies were seen near the bridge.",
  "President Maria Lopez told parliament on Wednesday that the operation would last “weeks, not months”. Hundreds of protesters gathered outside, police said, and a spokesman for the opposition said 5,000 had marched.",
].join("\n");

/** Paragraphs typed into the sample, one per round, as an edit replaces a stretch of text. */
const TYPED = [
  "Officials in Ankara said on Friday that 3,200 refugees had crossed into Turkey, according to the interior ministry.",
  "“Hundreds of families have fled the north since January,” aid worker Sara Klein told reporters in Beirut.",
  "The health ministry said 27 people were killed and 140 injured, but the figures could not be verified.",
];

/**
 * The sample as it reads after each of `rounds` edits: alternately a paragraph typed into its
 * middle and one of its numbers retyped with other digits.
 */
export function* warmUpTexts(rounds: number): Generator<string> {
  let text = SAMPLE;
  for (let round = 0; round < rounds; round++) {
    yield text;
    text = round % 2 === 0 ? typeParagraph(text, round) : retypeNumber(text, round);
  }
}

/**
 * Pieces of a workspace's own texts as they read after an edit, `rounds` of them: each text cut
 * at paragraph ends into pieces of at most about `maxPiece` characters, the pieces taken in turn,
 * each with one of its numbers retyped or a paragraph typed into it (so no two read the same).
 * V8 compiles for the shapes of text it has run, and a user's own files are the best sample of
 * what they will edit. Nothing when there is no text.
 */
export function* warmUpVariants(texts: readonly string[], rounds: number, maxPiece: number): Generator<string> {
  const pieces = texts.flatMap((text) => piecesOf(text, maxPiece));
  if (pieces.length === 0) return;
  for (let round = 0; round < rounds; round++) {
    const piece = pieces[round % pieces.length]!;
    const pass = Math.floor(round / pieces.length);
    yield pass % 2 === 0 && hasNumber(piece) ? retypeNumber(piece, round + pass) : typeParagraph(piece, round);
  }
}

/** `text` cut after paragraph ends (or line ends) into pieces of at most about `maxPiece` characters. */
function piecesOf(text: string, maxPiece: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + Math.max(1, maxPiece));
    if (end < text.length) {
      const paragraph = text.lastIndexOf("\n\n", end);
      const line = text.lastIndexOf("\n", end);
      if (paragraph > at) end = paragraph;
      else if (line > at) end = line;
    }
    const piece = text.slice(at, end);
    if (piece.trim().length > 0) pieces.push(piece);
    at = end;
  }
  return pieces;
}

function hasNumber(text: string): boolean {
  return /\d/.test(text);
}

function typeParagraph(text: string, round: number): string {
  const middle = text.indexOf("\n\n", text.length >> 1);
  const at = middle < 0 ? text.length : middle;
  const typed = TYPED[(round >> 1) % TYPED.length]!;
  return `${text.slice(0, at)}\n\n${typed}${text.slice(at).replace(/^\n\n[^\n]*/, "")}`;
}

function retypeNumber(text: string, round: number): string {
  const all = [...text.matchAll(/\d+(?:,\d{3})*/g)];
  const notYears = all.filter((m) => !/^(19|20)\d\d$/.test(m[0]));
  const numbers = notYears.length > 0 ? notYears : all;
  const m = numbers[(round * 7) % numbers.length];
  if (!m) return typeParagraph(text, round);
  const retyped = m[0].replace(/\d/g, (d, i: number) =>
    String(i === 0 ? (Number(d) % 9) + 1 : (Number(d) + round) % 10),
  );
  return text.slice(0, m.index) + retyped + text.slice(m.index! + m[0].length);
}
