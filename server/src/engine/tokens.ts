// Tokenizer: one pass of a sticky regular expression over the text. Tokens keep UTF-16 offsets.

export const enum TokenKind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Newline = 3,
}

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** No white space between this token and the previous one. */
  joined: boolean;
}

// Order matters: dotted abbreviations (U.S., U.N.) before words; possessive endings as their own token.
const TOKEN_RE =
  /(\r?\n|\r)|((?:\p{L}\.){2,}(?!\p{L}))|(\d+(?:[.,]\d+)*)|((?:['’]s\b)|\p{L}[\p{L}\p{M}]*(?:['’](?:t|re|ve|ll|d|m)\b)?)|([^\s\p{L}\d])/uy;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let pos = from;
  let prevEnd = -1;
  while (pos < to) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x200b || c === 0xfeff) {
      pos++;
      continue;
    }
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m || m[0].length === 0) {
      pos++;
      continue;
    }
    const raw = m[0];
    const end = Math.min(pos + raw.length, to);
    const kind = m[1] ? TokenKind.Newline : m[3] ? TokenKind.Number : m[5] ? TokenKind.Punct : TokenKind.Word;
    const first = raw.charAt(0);
    tokens.push({
      start: pos,
      end,
      text: raw,
      lower: raw.toLowerCase(),
      kind,
      cap: kind === TokenKind.Word && first !== first.toLowerCase(),
      joined: prevEnd === pos,
    });
    prevEnd = end;
    pos = end;
  }
  return tokens;
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === TokenKind.Word;
export const isPossessive = (t: Token | undefined): boolean =>
  t !== undefined && (t.lower === "'s" || t.lower === "’s" || ((t.text === "'" || t.text === "’") && t.joined));
