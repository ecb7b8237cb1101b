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


  it('"still" answers an objection when it opens a sentence, not inside one ("still at war")', async () => {
    const inside = essay(`${objection} The country was still at war in May.`, 'body')
    expect((await judge(inside)).objections).toEqual([{sentence: objection, cue: 'Critics argue', answered: false}])
    const opening = essay(`${objection} Still, the British stayed only a few months.`, 'body')
    expect((await judge(opening)).objections).toEqual([{sentence: objection, cue: 'Critics argue', answered: true}])
    const rather = essay(`${objection} The Council preferred talks rather than force.`, 'body')
    expect((await judge(rather)).objections).toEqual([{sentence: objection, cue: 'Critics argue', answered: false}])
  })

  it('a question that puts the other side weighs it; the same words in a statement do not', async () => {
    const asked = 'Would it not have been simpler to let Britain run the mission?'
    expect((await judge(essay(asked, 'body'))).considered).toEqual([asked])
    expect((await judge(essay('It would not have been simpler to let Britain run the mission.', 'body'))).considered).toEqual([])
    expect((await judge(essay('Why have the targets been so hard to meet?', 'body'))).considered).toEqual([])
  })

  it.each([
    ['Some people might say that the mission was too expensive.', 'I disagree, because the war cost far more.', 'Some people might say'],
    ['Some argue that force made the mission a party to the war.', 'The record of the next two years tells a different story.', 'Some argue'],
    ['Critics argue that the disarmament programme paid fighters too much.', 'That is not the case: each fighter received a few hundred dollars.', 'Critics argue']
  ])('"%s" is answered by a verdict in plain words: "%s"', async (raised, answer, cue) => {
    expect((await judge(essay(raised, 'body'))).objections).toEqual([{sentence: raised, cue, answered: false}])
    expect((await judge(essay(`${raised} ${answer}`, 'body'))).objections).toEqual([{sentence: raised, cue, answered: true}])
  })

  it('drawbacks, worries and first impressions count as weighing the other side, never as an unanswered objection', async () => {
    for (const sentence of ['The plan has one serious drawback.', 'Another worry is that the mission would cost too much.', 'At first glance the mission looks like a failure.']) {
      expect(await judge(essay(sentence, 'body'))).toEqual({considered: [sentence], objections: []})
    }
  })

  it('a section headed for the other side counts as weighing it; the title does not', async () => {
    const plain = essay('The elections of 2002 passed off peacefully.', 'body')
    expect((await judge(plain)).considered).toEqual([])
    expect((await judge(plain.replace('## The fighters', '## Criticisms of the mission'))).considered).toEqual(['Criticisms of the mission'])
    expect((await judge(plain.replace('# UNAMSIL', '# The case against UNAMSIL'))).considered).toEqual([])
  })
})

describe('the counterargument rule', () => {
  it('defends the position the thesis rule reads, and has none to defend in a report or a topic announcement', async () => {
    const model = await analyze(fixture('rules', 'counterargument', 'not-ok-no-counterargument.md'), {path: 'essay.md'})
    expect(model.sentences[counterargumentOf(model).position!].text).toMatch(/^This essay argues that opening the bases/)
    for (const [dir, name] of [['counterargument', 'ok-report-not-argumentative.md'], ['thesis', 'not-ok-topic-announcement.md']]) {
      expect(counterargumentOf(await analyze(fixture('rules', dir, name), {path: name})).position).toBeUndefined()
    }
  })


  it('an introduction that ends by weighing both sides takes no position, though a background sentence before it reads as a claim', async () => {
    const text = fixture('counterargument', 'drones-both-sides.md')
    expect((await lintText(text, {path: 'essay.md', config: only('thesis')})).map((m) => m.data)).toEqual([{check: 'no-position'}])
    expect(counterargumentOf(await analyze(text, {path: 'essay.md'})).position).toBeUndefined()
    const argued = text.replace(/This essay looks at the advantages[^.]*\./, 'Drones have made these missions safer for the people they protect.')
    expect(counterargumentOf(await analyze(argued, {path: 'essay.md'})).position).toBeDefined()
  })

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
