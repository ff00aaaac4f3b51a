/**
 * Splits an AWS IoT SQL statement into tokens. Linear in the input; the first character it cannot read
 * ends it with a RuleSqlParseError naming the position.
 *
 * Strings: single or double quotes (AWS's documentation uses both as string literals); a backslash escapes
 * the next character (\n, \t, \\, \', \" and \uXXXX as in JSON). AWS IoT SQL has no comments.
 */
import { RuleSqlParseError, type SourcePosition, type Token } from "@/lib/mapping/rule-sql/rule-sql-types";

const PUNCT_2 = new Set(["<>", "<=", ">=", "!="]);
const PUNCT_1 = new Set([",", ".", "(", ")", "[", "]", "{", "}", ":", "*", "+", "-", "/", "%", "=", "<", ">"]);
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "\\": "\\", "'": "'", '"': '"', "/": "/" };

const isIdentStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
const isDigit = (c: string) => c >= "0" && c <= "9";
const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v" || c === "\u00a0" || c === "\ufeff";

export function tokenizeRuleSql(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const posAt = (offset: number): SourcePosition => ({ offset, line, column: offset - lineStart + 1 });

  while (i < sql.length) {
    const c = sql[i] as string;
    if (isSpace(c)) {
      if (c === "\n") {
        line++;
        lineStart = i + 1;
      }
      i++;
      continue;
    }
    const start = i;
    const pos = posAt(start);

    if (isIdentStart(c)) {
      while (i < sql.length && isIdentPart(sql[i] as string)) i++;
      const name = sql.slice(start, i);
      tokens.push({ type: "identifier", value: name, text: name, pos });
      continue;
    }
    if (c === "@") {
      i++;
      if (i >= sql.length || !isIdentStart(sql[i] as string)) throw new RuleSqlParseError("unknownCharacter", "A variable needs a name after @", pos);
      while (i < sql.length && isIdentPart(sql[i] as string)) i++;
      tokens.push({ type: "variable", value: sql.slice(start + 1, i), text: sql.slice(start, i), pos });
      continue;
    }
    if (isDigit(c)) {
      while (i < sql.length && isDigit(sql[i] as string)) i++;
      if (sql[i] === "." && isDigit(sql[i + 1] ?? "")) {
        i++;
        while (i < sql.length && isDigit(sql[i] as string)) i++;
      }
      if (sql[i] === "e" || sql[i] === "E") {
        let j = i + 1;
        if (sql[j] === "+" || sql[j] === "-") j++;
        if (!isDigit(sql[j] ?? "")) throw new RuleSqlParseError("invalidNumber", `The number "${sql.slice(start, j)}" has an exponent without digits`, pos);
        i = j;
        while (i < sql.length && isDigit(sql[i] as string)) i++;
      }
      if (i < sql.length && isIdentStart(sql[i] as string)) {
        let j = i;
        while (j < sql.length && isIdentPart(sql[j] as string)) j++;
        throw new RuleSqlParseError("invalidNumber", `"${sql.slice(start, j)}" is neither a number nor a name`, pos);
      }
      const text = sql.slice(start, i);
      tokens.push({ type: "number", value: text, text, pos });
      continue;
    }
    if (c === "'" || c === '"') {
      i++;
      let value = "";
      let closed = false;
      while (i < sql.length) {
        const d = sql[i] as string;
        if (d === c) {
          closed = true;
          i++;
          break;
        }
        if (d === "\\") {
          const e = sql[i + 1];
          if (e === undefined) break;
          if (e === "u" && /^[0-9a-fA-F]{4}$/.test(sql.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(sql.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          value += ESCAPES[e] ?? e;
          i += 2;
          continue;
        }
        if (d === "\n") {
          line++;
          lineStart = i + 1;
        }
        value += d;
        i++;
      }
      if (!closed) throw new RuleSqlParseError("unterminatedString", `The string opened with ${c} is never closed`, pos);
      tokens.push({ type: "string", value, quote: c, text: sql.slice(start, i), pos });
      continue;
    }
    const two = sql.slice(i, i + 2);
    if (PUNCT_2.has(two)) {
      if (two === "!=") throw new RuleSqlParseError("unknownCharacter", "AWS IoT SQL writes not-equal as <>, not !=", pos);
      tokens.push({ type: "punct", value: two, text: two, pos });
      i += 2;
      continue;
    }
    if (PUNCT_1.has(c)) {
      tokens.push({ type: "punct", value: c, text: c, pos });
      i++;
      continue;
    }
    const code = sql.codePointAt(i) ?? 0;
    const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `"${String.fromCodePoint(code)}"`;
    throw new RuleSqlParseError("unknownCharacter", `Unexpected character ${shown}`, pos);
  }
  tokens.push({ type: "eof", value: "", text: "", pos: posAt(sql.length) });
  return tokens;
}
