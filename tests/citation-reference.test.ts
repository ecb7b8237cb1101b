/**
 * citation-reference: the reference list as the model reads it, and what the
 * rule says about citations against it.
 */

import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {readEntry} from '../src/model/references.js'
import {compact, lintText, only} from './helpers.js'

const findings = async (text: string, path = 'essay.md', options?: Record<string, unknown>) =>
  (await lintText(text, {path, config: options ? {rules: {...only('citation-reference')!.rules, 'citation-reference': ['warn', options]}} : only('citation-reference')})).map(compact)

describe('reference entries in the model', () => {
  it('reads names, years and the number of authors of APA, MLA and Chicago entries', () => {
    expect(readEntry('Gettleman, J., & Kron, J. (2012, November 20). Congo rebels seize Goma. The New York Times.')).toMatchObject({names: ['Gettleman', 'Kron'], years: ['2012'], authors: 2, bare: false})
    expect(readEntry('Fjelde, Hanne, Lisa Hultman, and Desirée Nilsson. "Protection Through Presence." 2019.')).toMatchObject({names: ['Fjelde', 'Hanne', 'Lisa', 'Hultman', 'Desirée', 'Nilsson'], authors: 3})
    expect(readEntry('United Nations. "UN CHARTER." Accessed June 21, 2024. https://www.un.org/en/about-us/un-charter')).toMatchObject({names: ['United', 'Nations'], years: []})
    expect(readEntry('https://www.gao.gov/blog/online-extremism')).toMatchObject({bare: true})
    expect(readEntry('[3] Paris, R. (2004). At war’s end.')).toMatchObject({label: '3', names: ['Paris']})
    expect(readEntry('*Unable to find the sources*')).toBeUndefined()
  })

  it('keeps footnote definitions and list numbers', async () => {
    const file = await lint('# T\n\nText.[^1]\n\n## References\n\n1. Fortna, V. P. (2008). *Does peacekeeping work?*\n2. Paris, R. (2004). *At war’s end*.\n\n[^1]: Paris, R. (2004), 86.\n', {path: 'e.md', config: only('citation-reference')})
    const model = file.data.essay!
    expect(model.notes.map((n) => [n.label, n.text.trim()])).toEqual([['1', 'Paris, R. (2004), 86.']])
    expect(model.references.map((r) => [r.label, r.names[0], r.note])).toEqual([
      ['1', 'Fortna', undefined],
      ['2', 'Paris', undefined],
      [undefined, 'Paris', '1']
    ])
  })
})

describe('citation-reference', () => {
  const list = '\n\n## Works Cited\n\nHays, Gregory. *Meditations: A New Translation*. Modern Library, 2002.\n'

  it('matches MLA author–page citations by name, and reports an author with no entry', async () => {
    expect(await findings(`# Stoics\n\nThe emperor wrote for himself (Hays 17).${list}`)).toEqual([])
    expect(await findings(`# Stoics\n\nThe emperor wrote for himself (Holiday 17).${list}`)).toEqual([
      '3:31-3:43 citation-reference "Holiday 17" has no entry in the reference list: no entry by Holiday. Add the full reference (author, year, title, publisher or address) to the list, or correct the name so it matches an entry.',
      '7:1-7:71 citation-reference The reference list includes "Hays, Gregory. *Meditations: A New Translation*. Modern L…", but the essay never cites it. Cite it where you use it, or remove it from the list.'
    ])
  })

  it('leaves entries never cited alone with uncited: false', async () => {
    expect(await findings(`# Stoics\n\nThe emperor wrote for himself.${list}`, 'essay.md', {uncited: false})).toEqual([])
  })

  it('checks numbered citations against a numbered list', async () => {
    const text = '# Peace\n\nPeace lasts longer with peacekeepers [1], and robust mandates help [2].\n\n## References\n\n[1] Fortna, V. P. (2008). *Does peacekeeping work?*\n'
    expect(await findings(text)).toEqual(['3:68-3:71 citation-reference Citation [2] has no entry 2 in the numbered reference list (it has 1 entries). Add the entry or correct the number.'])
  })

  it('reads the reference list of a plain-text essay', async () => {
    const text = 'Peace\n\nPeace lasts longer where peacekeepers stay (Fortna, 2010), as the record shows.\n\nReferences\n\nFortna, V. P. (2008). Does peacekeeping work? Princeton University Press.\n'
    expect(await findings(text, 'essay.txt')).toEqual([
      '3:44-3:58 citation-reference Fortna 2010 in the text, but the reference list gives 2008 for Fortna ("Fortna, V. P. (2008). Does peacekeeping work? Princeton U…"). Use the same year in both places.'
    ])
  })

  it('is silent without a reference list and without citations', async () => {
    expect(await findings('# Peace\n\nPeacekeeping works where there is a peace to keep.\n')).toEqual([])
  })
})
