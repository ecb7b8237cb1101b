/** The words a student reads: what the introduction and the conclusion say, and how to state a position. */

const first = (text: string, count = 8) => {
  const words = text.replace(/\s+/g, ' ').trim().split(' ')
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : words.join(' ')
}

export const messages = {
  note: 'An argumentative essay is judged on its position: the reader should know from the introduction what you will argue, and find it again, developed, in the conclusion.',

  missing(): string {
    return 'The introduction states no position: a reader cannot tell what this essay argues. Add one sentence at the end of the introduction that says what you claim and why, e.g. "This essay argues that consent-based peacekeeping fails where there is no peace to keep."'
  },

  announcement(text: string): string {
    return `"${first(text)}" announces a topic, not a position. Say what you will argue about it: replace it with a claim a reader could disagree with, e.g. "This essay argues that…".`
  },

  neutral(text: string): string {
    return `The thesis "${first(text)}" weighs both sides without taking one. Say which side wins and why, e.g. "…but its failures outweigh its successes because…".`
  },

  conclusion(thesis: string): string {
    return `The conclusion never comes back to the thesis ("${first(thesis)}"). Restate that position in the light of what the body has shown, so the reader sees the argument is complete.`
  }
}
