/**
 * The counter-argument judgment (src/argument/counterargument.ts), which the
 * counterargument rule reports and grade's counter-argument criterion scores:
 * where an opposing view counts as weighed, and which objections need an
 * answer of the writer's own.
 */

import {describe, expect, it} from 'vitest'
import {counterargumentOf} from '../src/argument/counterargument.js'
import {analyze} from '../src/index.js'
import {fixture, lintText, only} from './helpers.js'

const filler = 'The mission deployed 6,000 troops to the capital in 1999 (Olonisakin, 2008). Its contingents came from twelve countries. They patrolled the roads to the east.'

/** An essay with an introduction, two body sections and a conclusion; `at` puts `sentence` in one of them. */
function essay(sentence: string, at: 'introduction' | 'body' | 'conclusion'): string {
  const intro = `The UN mission in Sierra Leone nearly collapsed in 2000. This essay argues that it recovered because the Council enlarged it.${at === 'introduction' ? ` ${sentence}` : ''}`
  const body = `${filler}${at === 'body' ? ` ${sentence}` : ''}`
  const close = `The mission recovered once it was enlarged, and the enlarged force disarmed the fighters.${at === 'conclusion' ? ` ${sentence}` : ''}`
  return `# UNAMSIL\n\n${intro}\n\n## The force\n\n${body}\n\n## The fighters\n\n${filler}\n\n## The elections\n\n${filler}\n\n## Conclusion\n\n${close}\n`
}

async function judge(text: string) {
  const model = await analyze(text, {path: 'essay.md'})
  const found = counterargumentOf(model)
  const text_ = (i: number | undefined) => (i === undefined ? undefined : model.sentences[i].text)
  return {
    considered: found.considered.map(text_),
    objections: found.objections.map((o) => ({sentence: text_(o.sentence), cue: o.cue, answered: o.answer !== undefined}))
  }
}

const objection = 'Critics argue that only British troops saved the mission.'

describe('counterargumentOf', () => {
  it('an objection in the body with nothing after it that answers it is unanswered', async () => {
    expect(await judge(essay(objection, 'body'))).toEqual({considered: [objection], objections: [{sentence: objection, cue: 'Critics argue', answered: false}]})
  })

  it.each(['introduction', 'conclusion'] as const)('an objection in the %s is weighed but needs no answer of its own', async (at) => {
    expect(await judge(essay(objection, at))).toEqual({considered: [objection], objections: []})
  })

  it.each([
    ['a quoted objection (the quoted author raises it)', 'A British officer wrote in 2001 that “critics argue the blue helmets should simply go home”.'],
    ['a state objecting in the Council', 'Russia raised an objection to the first draft of the resolution.'],
    ['critics named, with no case stated', 'Critics of the mission were loud in London and New York.'],
    ['a point granted', 'It is true that the British deployment steadied the capital.'],
    ["the writer's own hedged claim", 'It can be argued that the first mandate was too weak for the task.']
  ])('%s counts as weighing the other side, never as an unanswered objection', async (_name, sentence) => {
    expect(await judge(essay(sentence, 'body'))).toEqual({considered: [sentence], objections: []})
  })

  it('"there are people who believe…" raises an objection; an answer later in the paragraph answers it', async () => {
    const raised = 'There are people who believe that the mission was too expensive.'
    expect((await judge(essay(raised, 'body'))).objections).toEqual([{sentence: raised, cue: 'There are people who believe', answered: false}])
    const answered = essay(`${raised} That cost is exaggerated, since the war cost far more.`, 'body')
    expect((await judge(answered)).objections).toEqual([{sentence: raised, cue: 'There are people who believe', answered: true}])
  })


  it('a section headed for the other side counts as weighing it; the title does not', async () => {
    const plain = essay('The elections of 2002 passed off peacefully.', 'body')
    expect((await judge(plain)).considered).toEqual([])
    expect((await judge(plain.replace('## The fighters', '## Criticisms of the mission'))).considered).toEqual(['Criticisms of the mission'])
    expect((await judge(plain.replace('# UNAMSIL', '# The case against UNAMSIL'))).considered).toEqual([])
  })
})

describe('the counterargument rule', () => {
  it('says nothing for a thesis that takes no side (the thesis rule gives it an info finding instead)', async () => {
    // The rule's own example without an opposing view, its thesis replaced by one that weighs both sides.
    const text = fixture('rules', 'counterargument', 'not-ok-no-counterargument.md')
    const thesis = /This essay argues that opening the bases[^.]*\./.exec(text)![0]
    expect(await lintText(text, {path: 'essay.md', config: only('counterargument')})).toHaveLength(1)
    const neutral = text.replace(thesis, 'Opening the bases had clear strengths and weaknesses for the UN.')
    const thesisFindings = (await lintText(neutral, {path: 'essay.md', config: only('thesis')})).map((m) => m.data)
    expect(thesisFindings).toEqual([{check: 'no-position'}])
    expect(await lintText(neutral, {path: 'essay.md', config: only('counterargument')})).toEqual([])
  })
})
