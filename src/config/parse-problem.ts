/**
 * What to say about a config or rubric that did not parse, without quoting
 * it. A config can be any file a repository points at (`extends`, a linked
 * `.essaylintrc.json`); the parsers' messages quote the bytes they choke on
 * (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`, YAML's
 * `Unresolved alias …: name`), which would print the first bytes of a secret
 * in a CI log. So the message keeps the parser's words about the syntax and
 * the place (line, where known), never the content.
 */

export interface ParseProblem {
  line?: number
  problem: string
}

/** The line of a character offset in a text. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length

/**
 * The problem and line of a JSON or YAML parse error (JSON.parse,
 * parse-json, yaml). `text`, when given, places a JSON error's offset on
 * its line.
 */
export function parseProblem(error: unknown, text?: string): ParseProblem {
  const message = String((error as Error)?.message ?? error)
  const first = message.split('\n')[0].trim()
  // YAML: `linePos`, and "... at line 3, column 1:" in the message.
  const linePos = (error as {linePos?: Array<{line: number}>}).linePos
  if (linePos?.[0] || / at line \d+, column \d+:?$/.test(first)) {
    const words = first.replace(/ at line \d+, column \d+:?$/, '')
    return {line: linePos?.[0]?.line, problem: withoutContent(words)}
  }
  // JSON: "... in JSON at position 29", "(line 4 column 3)" on newer Node, parse-json's code frame "> 4 | ...".
  const position = /at position (\d+)/.exec(first)
  const lineColumn = /\(line (\d+) column \d+\)/.exec(first)
  const frame = /^> (\d+) \|/m.exec(message)
  const line = lineColumn ? Number(lineColumn[1]) : frame ? Number(frame[1]) : position && text !== undefined ? lineAt(text, Number(position[1])) : undefined
  const json = /JSON/.test(first) || position !== null
  let words = first.replace(/ (?:in JSON )?at position \d+.*$/, json ? ' in JSON' : '')
  // The one JSON message that quotes the input: the unexpected token and the text around it.
  if (/^Unexpected token/.test(words)) words = 'Unexpected character in JSON'
  return {line, problem: withoutContent(words)}
}

/** Drop what a parser quotes of the input: text after a colon, and quoted runs longer than one structural character. */
export function withoutContent(words: string): string {
  return words
    .replace(/: .*$/, '')
    .replace(/ while parsing .*$/, '')
    .replace(/"[^"]{2,}"(?:\.\.\.)?|'[^']{2,}'/g, '…')
    .trim()
}
