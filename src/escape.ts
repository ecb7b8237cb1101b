/**
 * File names and essay text are input: a name with a line break, or an essay
 * with terminal escape sequences, must not reach a terminal or a CI log as
 * they are. A line break in a file name printed on stderr starts a line that
 * GitHub Actions reads as a workflow command (`::error …`); ESC sequences
 * move the cursor, retitle the window or clear the screen; bidirectional
 * overrides reorder what is shown. Every human format passes such text
 * through `visible`, which writes each of these characters as a visible
 * escape (`\n`, `\x1b`, `\u202e`) and leaves everything else alone.
 */

// C0 controls, DEL and C1 controls; the bidirectional embeddings, overrides
// and isolates; the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
// eslint-disable-next-line no-control-regex
const unsafeButLineBreaks = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

const named: Record<string, string> = {'\n': '\\n', '\r': '\\r', '\t': '\\t'}

const escapeOne = (character: string) => {
  if (named[character]) return named[character]
  const code = character.charCodeAt(0)
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** Text with every control, bidirectional-override and line-separator character written as a visible escape. */
export function visible(text: string): string {
  return text.replace(unsafe, escapeOne)
}

/** The same, but keeping `\n` and `\r` (for formats that encode line breaks themselves). */
export function visibleKeepingLineBreaks(text: string): string {
  return text.replace(unsafeButLineBreaks, escapeOne)
}

/** Whether text holds a character that `visible` would escape (for checks and the soak test). */
export function hasUnsafeCharacters(text: string): boolean {
  unsafe.lastIndex = 0
  return unsafe.test(text)
}
