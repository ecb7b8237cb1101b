/**
 * The argument analysis stage by stage, RuleTester-style: a table of
 * sentences (invented, in the style of student essays) and the role and
 * signal each must get, then support, thesis and priority on short essays.
 */

import {describe, expect, it} from 'vitest'
import {analyze} from '../src/index.js'
import {argumentOf} from '../src/model/argument.js'
import {vagueAppeals} from '../src/argument/cues.js'
import {oneParagraphPerLine} from '../src/text-lines.js'

/** Role and first signal of the last sentence of `text`, read as a body paragraph after a neutral opening. */
async function roleOf(sentence: string, before = 'Peacekeeping has changed since 1948.'): Promise<[string, string]> {
  const model = await analyze(`# Essay\n\nThe UN has sent many missions.\n\n${before} ${sentence}\n`, {path: 'e.md'})
  const argument = argumentOf(model)
  const last = argument.sentences[argument.sentences.length - 1]
  return [last.role, last.signals[0]]
}

/** Role and first signal of each item of a numbered list whose items are a label line, then a step. */
async function labelledSteps(leadIn: string, ...items: Array<[string, string]>): Promise<Array<[string, string]>> {
  const list = items.map(([label, step], i) => `${i + 1}. ${label}  \n   ${step}\n`).join('')
  const model = await analyze(`# E\n\nThe Council needs a better process.\n\n${leadIn}\n\n${list}`, {path: 'e.md'})
  return argumentOf(model)
    .sentences.filter((s) => /\n/.test(model.sentences[s.sentence].text))
    .map((s) => [s.role, s.signals[0]])
}

describe('roles: the everyday moves of a persuasive essay', () => {
  it('"To begin with, …" before a claim is a connective, not a roadmap; "To begin with, I will…" is one', async () => {
    expect(await roleOf('To begin with, children in the countryside are healthier.')).toEqual(['claim', 'assertion'])
    expect(await roleOf('To begin with, I will describe the mandate.')).toEqual(['other', 'signpost'])
  })
  it('"Parents should think carefully…" is what the writer urges, not a report of what parents think', async () => {
    expect((await roleOf('Parents should therefore think carefully before moving to a big city.'))[0]).toBe('claim')
    expect(await roleOf('Critics think the mission came too late.')).toEqual(['other', 'report'])
  })
  it('"It is true that…" grants a point when the next sentence answers it, and affirms it when none does', async () => {
    const roles = async (paragraph: string) => {
      const model = await analyze(`# E\n\nThe UN has sent many missions.\n\n${paragraph}\n`, {path: 'e.md'})
      return argumentOf(model).sentences.slice(-2).map((s) => [s.role, s.signals[0]])
    }
    expect((await roles('On the other hand, it is true that cities offer better schools. Nevertheless, rural pupils can study online.'))[0]).toEqual(['other', 'concession'])
    expect((await roles('It is true that the Council failed Rwanda. The failure cost 800,000 lives.'))[0][0]).toBe('claim')
  })
  it('a story told with "rarely" or "seldom" is still the writer\'s story', async () => {
    expect(await roleOf('When I was a child, I lived on my grandparents\' farm, and I rarely got sick.')).toEqual(['other', 'personal story'])
    expect((await roleOf('When I was a child, I might have been healthier on a farm.'))[0]).toBe('claim')
  })
})

describe('roles: a proposal step needs its object', () => {
  it.each(['Support for the mission fell sharply after 1995.', 'Use of force grew in every later mandate.', 'Force alone cannot keep the peace.'])('"%s" is not a proposal step', async (sentence) => {
    const [, signal] = await roleOf(sentence)
    expect(signal).not.toBe('proposal step')
  })
})

describe('roles: roadmaps in other words than "this essay will"', () => {
  it.each([
    'Below, I outline the main arguments on each side.',
    'Next, we turn to the question of consent.',
    'The remainder of this paper is organised as follows.',
    'The next paragraph examines the role of the Security Council.',
    'We will then look at how realists explain this.',
    'Lastly, the conclusion summarises the findings.'
  ])('%s → signpost', async (sentence) => {
    // "…as follows." announces what comes next: a lead-in is a roadmap too.
    expect(await roleOf(sentence)).toEqual(['other', expect.stringMatching(/^(?:signpost|lead-in)$/)])
  })

})

describe('roles: definitions in other wordings, and "means" that draws a consequence', () => {
  it.each([
    'Peacekeeping is usually described as the deployment of impartial forces with the consent of the parties.',
    'By humanitarian intervention, I mean the use of force to protect civilians in another state.',
    'Realism, in short, is the view that states pursue power in an anarchic system.',
    "Impartiality, in the UN's sense, means applying the mandate without favour to any party.",
    'Collective security is understood to mean that an attack on one is an attack on all.'
  ])('%s → definition', async (sentence) => {
    expect(await roleOf(sentence)).toEqual(['other', 'definition'])
  })
})

describe('roles: what is not a claim', () => {
  it.each([
    ['Sovereignty is commonly understood as supreme authority over a territory.', 'definition'],
    ['Peacekeeping is broadly defined as the deployment of impartial forces.', 'definition'],
    ['Humanitarian intervention refers to the use of force to protect civilians.', 'definition'],
    ['Realists see peacekeeping as a tool of great-power interest.', 'report'],
    ['Critics argue that the mission was too small.', 'report'],
    ['Liberals answer that trade makes war too costly.', 'report'],
    ['Supporters of the mission, by contrast, argue that it saved lives.', 'report'],
    ['Its defenders reply that the Council still works.', 'report'],
    ['Theoretically, states that trade with each other do not fight.', 'theory exposition'],
    ['This essay will first describe the mandate, then the outcome.', 'signpost'],
    ["Today I'd like to talk about how the mission ended.", 'signpost'],
    ['Key ethical dilemmas include:', 'lead-in'],
    ['Why did the Council wait so long?', 'question'],
    ['Edited by Sam Lee', 'byline or caption'],
    // A participle is no verb of a clause: before its noun, or ending "No … required".
    ['Just structured daylight.', 'no verb'],
    ['Clear rules, fixed deadlines.', 'no verb'],
    ['No heroics required.', 'no verb'],
    ['Then add six elected seats with renewable terms.', 'proposal step'],
    ['Make them hard to win and easy to lose.', 'proposal step'],
    ['The mission consists of about 12,000 troops and police.', 'description'],
    ['Realism and constructivism differ on whether norms can change what states want.', 'views compared'],
    ['Realism is gloomy about cooperation, while liberalism is hopeful about it.', 'views compared'],
    ['Therefore the two theories part ways on the role of institutions.', 'views compared'],
    ['There are two regional offices in the east of the country.', 'existence'],
    ['The goal is a smaller and faster Council.', 'signpost'],
    ['The question is whether the Council can act at all.', 'signpost'],
    ['Within 30 days of a request, the Secretary-General must report to the Council.', 'procedure'],
    ['You might look at these figures and call the mission a quiet success.', 'concession'],
    ['A permanent member can abstain.', 'institutional rule'],
    ['Each draft resolution needs nine affirmative votes.', 'institutional rule'],
    ['The Assembly elects ten non-permanent members for two years.', 'institutional rule'],
    ['Peacekeeping operations monitor ceasefires and protect civilians.', 'institutional rule'],
    ['A mission is set up by a Council resolution, which sets out its mandate.', 'institutional rule'],
    ['For a realist, a peacekeeping mission is a tool of the powers that vote for it.', 'report'],
    ['Imagine waking up to the sound of gunfire in your village.', 'hook'],
    ['The stakes could not be higher.', 'flourish'],
    ['Enough is enough.', 'flourish'],
    ['That is the question this essay turns to next.', 'signpost'],
    ['Humanitarian intervention is the use of force by states to stop mass atrocities in another state.', 'definition'],
    ['Chapter VII of the Charter allows the Council to authorise force.', 'institutional rule'],
    ['Picture a village where the nearest clinic is a day away.', 'hook'],
    ['From a constructivist perspective, norms shape what states want.', 'report'],
    ['Troops are provided by member states, and the mission is paid for from a separate budget.', 'institutional rule'],
    ['Peacekeeping is one of the ways the UN keeps the peace.', 'definition'],
    ['Mediation is a means of settling disputes without force.', 'definition'],
    ['Last year my younger brother got his first phone for his birthday.', 'personal story'],
    ['We had always talked at lunch before the phones arrived.', 'personal story']
  ])('%s → %s', async (sentence, signal) => {
    const [role, got] = await roleOf(sentence)
    expect(role).not.toBe('claim')
    expect(got).toBe(signal)
  })

  it('reads how a mission is made, in the passive, as background; what should be done is the writer\'s claim', async () => {
    expect(await roleOf('Personnel are deployed by the Secretariat within weeks.')).toEqual(['other', 'institutional rule'])
    expect((await roleOf('Troops should be provided by the richest states.'))[0]).toBe('claim')
    expect((await roleOf('The mission is deployed too late to matter.'))[0]).toBe('claim')
    // A school's frame ("For a realist, …") reports its view; anyone else's is the writer's claim about them.
    expect((await roleOf('For the peacekeepers, the mandate was impossible to carry out.'))[0]).toBe('claim')
    // What an instrument allows is a rule; what a body allows is the writer's judgement of it.
    expect((await roleOf('The Council allows genocide to happen when it suits the great powers.'))[0]).toBe('claim')
    // A short line is a flourish only when every word is small or rhetorical.
    expect((await roleOf('Peacekeeping works.'))[0]).toBe('claim')
  })

  it('carries a theory\'s exposition over the next sentence, but not the writer\'s judgement of it', async () => {
    const [carried, signal] = await roleOf('They assume that states seek power above all.', 'Realists hold that the system is anarchic.')
    expect(carried).toBe('other')
    expect(signal).toMatch(/^report/)
    const [role] = await roleOf('This view is clearly too pessimistic.', 'Realists hold that the system is anarchic.')
    expect(role).toBe('claim')
  })

  it('carries a report over "For them, …" and "In their eyes, …", only after a report', async () => {
    const after = 'Liberal institutionalists see the UN differently.'
    expect(await roleOf('For them, the organisation lowers the cost of cooperation.', after)).toEqual(['other', 'report (carried on)'])
    expect(await roleOf('In their eyes, missions give states information about each other.', after)).toEqual(['other', 'report (carried on)'])
    expect((await roleOf('For them, the organisation lowers the cost of cooperation.'))[0]).toBe('claim')
  })

  it('carries an author\'s view over "For him, …", sweeping words and all; without the author before it the sentence is a claim', async () => {
    const after = 'Marcus Aurelius believed that every person is a citizen of one world.'
    expect(await roleOf('For him, reason is shared by all humans, and so all humans belong to one community.', after)).toEqual(['other', 'report (carried on)'])
    expect(await roleOf('To her, every border is an accident of history.', 'Martha Nussbaum argues for a cosmopolitan education.')).toEqual(['other', 'report (carried on)'])
    expect((await roleOf('For him, reason is shared by all humans, and so all humans belong to one community.'))[0]).toBe('claim')
  })

  it('goes on with the writer\'s story in the next sentence told in the past, its comparisons too; not with a judgement in the present', async () => {
    const story = 'Last year my best friend got her first phone.'
    expect(await roleOf('A few weeks later she was on it more than ever.', story)).toEqual(['other', 'personal story'])
    expect(await roleOf('And it was just games.', story)).toEqual(['other', 'personal story'])
    expect((await roleOf('Phones ruin friendships more than anything else.', story))[0]).toBe('claim')
    expect((await roleOf('A few weeks later she was on it more than ever.'))[0]).toBe('claim')
  })

  it('reads "The emperor wrote that…" and "The philosopher argues…" as reports, not as the writer\'s story', async () => {
    expect(await roleOf('The emperor wrote that we are made for cooperation, like feet or hands.')).toEqual(['other', 'report'])
    expect(await roleOf('The philosopher argues that a world state would become a despotism.')).toEqual(['other', 'report'])
  })

  it('reads "Critics make a simple point" as the other side\'s view being introduced', async () => {
    expect(await roleOf('Critics of the veto make a simple point.')).toEqual(['other', 'report'])
  })

  it('reads the plain sentences of a paragraph that sets out a theory as the theory\'s; a verdict or "I" there stays the writer\'s claim', async () => {
    const paragraph = (middle: string) =>
      `# Essay\n\nThe UN has sent many missions.\n\nNeoliberals argue that anarchy need not stop cooperation. They hold that institutions lower the cost of agreements. ${middle} Keohane adds that repeated meetings reward states that keep their word. Liberals answer realists that interdependence raises the price of war.\n`
    const roles = async (middle: string) => {
      const model = await analyze(paragraph(middle), {path: 'e.md'})
      const argument = argumentOf(model)
      const third = model.paragraphs[model.paragraphs.length - 1].sentences[2]
      return [argument.sentences[third].role, argument.sentences[third].signals[0]]
    }
    expect(await roles('Therefore a common organisation is required to manage shared problems.')).toEqual(['other', 'exposition (paragraph)'])
    expect(await roles('Therefore a common organisation is clearly the best answer to shared problems.')).toEqual(['claim', expect.stringMatching(/^cues:/)])
    expect(await roles('I think a common organisation is required to manage shared problems.')).toEqual(['claim', expect.stringMatching(/^cues:/)])
  })

  it('reads a step after a label line ("Pinpoint objection⏎Identify…") as the instruction it is', async () => {
    expect(await labelledSteps('The brief must include:', ['Pinpoint objection', 'Identify exactly which paragraphs are unacceptable.'], ['Acceptable path', 'Provide at least one amendment that would win support.'])).toEqual([
      ['other', 'instruction'],
      ['other', 'proposal step']
    ])
    // A hard-wrapped claim whose first line happens to be short is still the writer's claim.
    const [role] = await roleOf('The mission failed\nbecause the Council would never pay for it.')
    expect(role).toBe('claim')
  })

  it('reads a labelled step whose label ends in a quoted word, and a step after its condition, as proposal steps', async () => {
    expect(await labelledSteps('Each brief has two parts:', ['Path to "yes"', 'Provide at least one amendment that would win support.'], ['Review date', 'If the objection is temporary, state the date it will be reviewed.'])).toEqual([
      ['other', 'proposal step'],
      ['other', 'proposal step']
    ])
    // A condition before the writer's own main clause is no step.
    expect((await roleOf('If the mission fails again, the Council must share the blame.'))[0]).toBe('claim')
    expect((await roleOf('If the ceasefire holds, state sovereignty will slowly recover.'))[0]).toBe('claim')
  })

  it.each([
    // "but" between two describing words stays inside the reported view.
    ['Neoliberals hold that states are rational but selfish actors in a world without a ruler.', 'Peacekeeping has changed since 1948.', 'report'],
    // The subject comes after an opening phrase set off by a comma.
    ['Citing Article 51 of the Charter, the government argued that the strikes were self-defence.', 'Peacekeeping has changed since 1948.', 'report'],
    ['Later the officials acknowledged that the convoy had been sent too late.', 'Peacekeeping has changed since 1948.', 'report'],
    // After "It assumes that…", the modal belongs to the theory just named.
    ['It assumes that no single state can handle such problems on its own.', 'Liberal institutionalists hold that cooperation is possible.', 'report (carried on)'],
    // Two schools compared, then what they share: the subject after a connective carries the view on.
    ['However, they agree that the system has no ruler above states.', 'Realism and liberalism differ on the role of institutions.', 'report (carried on)'],
    // After a roadmap, the sentence that names its parts goes on setting it out.
    ['They are the local, the regional and the global level.', 'This essay looks at the crisis on three levels.', 'report (carried on)']
  ])('reads "%s" as a report of a view', async (sentence, before, signal) => {
    const [role, got] = await roleOf(sentence, before)
    expect(role).not.toBe('claim')
    expect(got).toBe(signal)
  })

  it('reads a short sentence that counts the points to come, before "First, …", as a lead-in; a judgement that counts them stays a claim', async () => {
    const model = await analyze('# E\n\nThe Council was built for 1945.\n\nWhen the world changes, two things happen.\n\nFirst, its decisions look less legitimate.\n\nTwo reforms would fix the Council. First, longer terms for elected members.\n', {path: 'e.md'})
    const item = (start: string) => argumentOf(model).sentences.find((s) => model.sentences[s.sentence].text.startsWith(start))!
    expect([item('When the world').role, item('When the world').signals[0]]).toEqual(['other', 'lead-in'])
    expect(item('Two reforms').role).toBe('claim')
    const plan = await analyze('# E\n\nThe Council was built for 1945.\n\nA workable plan looks like this.\n\n- Keep the ten elected seats.\n', {path: 'e.md'})
    expect(argumentOf(plan).sentences.find((s) => plan.sentences[s.sentence].text.startsWith('A workable'))!.signals[0]).toBe('lead-in')
    expect(item('First, its').role).toBe('claim')
  })

  it('takes the later sentences of a multi-sentence quotation for the quoted words', async () => {
    const model = await analyze('# E\n\nThe UN opened.\n\nDallaire wrote: “We were abandoned. Nobody came to help us.” That was true.\n', {path: 'e.md'})
    const roles = argumentOf(model).sentences.slice(-3).map((s) => s.signals[0])
    expect(roles[1]).toBe('quotation')
    // A quotation that opens the sentence and runs on past it: that sentence is quoted too; one closed inside its sentence is not.
    const opened = await analyze('# E\n\nThe UN opened.\n\nMoreover, “the Council acted far too late. It never sent the troops it promised.” That was a failure.\n\n“We were abandoned,” the general wrote.\n', {path: 'e.md'})
    const signals = argumentOf(opened).sentences.map((s) => s.signals[0])
    expect(signals.slice(-4)).toEqual(['quotation', 'quotation', expect.stringMatching(/^cues/), expect.not.stringMatching(/^quotation$/)])
  })
})

describe('roles: what is a claim', () => {
  it.each([
    'The UN should hand such crises to regional forces.',
    'Peacekeeping never works in civil wars.',
    'Writing in 2010, the author was wrong about the mission.',
    'This critique is more convincing than the official view.',
    'The paper will further argue that regional contagion is the gravest threat.',
    // A clause of the writer's own before the reporting verb, a negated report, a "but" that opens a clause.
    'The mission does not improve because someone writes a report about it.',
    'The officials never admitted that the plan was wrong.',
    'Realists see the Council as a club but ignore its smaller members.',
    // A verdict on the schools compared is the writer's claim.
    'I think realism explains the Council better than liberalism does.',
    'Liberalism is more convincing than realism on this question.',
    // A prediction or a denial of existence is argued.
    'Otherwise there will be more wars like this one.',
    'There is no excuse for the silence of the Council.',
    // A deadline with "should" is a recommendation; without an obligation, an outcome.
    'The Council should respond within 48 hours of a massacre.',
    'Attendance rose within six months of the change.',
    // A story that judges, explains or concedes makes the writer's point.
    'My country wasted millions on the mission.',
    'I believed the mission failed because it was too small.',
    'Although I understood the plan, the mission failed to protect anyone.',
    // "us" speaks for writer and reader: no story of the writer's.
    'The norm has been applied selectively, and that selectivity brings us back to power.',
    // Look-alikes of a roadmap ("the first part", "we will", "turn to") and of a definition ("means that", "means little").
    'The first part of the mandate was never carried out.',
    'We will never know how many lives the mission saved.',
    'States turn to the UN only when their own forces are stretched.',
    'This means that the mission failed to protect anyone.',
    'The failure of the mission means that the UN lost its credibility in the region.',
    'Consent means little when the government itself attacks civilians.',
    // An institution's rule with a judgement, a cause or a sweep is argued; an instruction is no rule.
    'The Council blocks reform because its members fear change.',
    'A single veto blocks every serious proposal.',
    'The Council can stop genocide.',
    'Peacekeepers protect civilians better than national armies do.',
    'Peacekeepers rarely protect anyone.',
    // A reporting verb in the infinitive reports nothing.
    "The Council's failure to respond was a disgrace.",
    // Nor does a capitalised word inside a name.
    'The Brahimi Report was largely ignored.',
    // A judging word makes a description or a dated event the writer's verdict.
    'The mission consists of soldiers who are poorly trained.',
    'Peacekeeping in Mali was doomed from the start.',
    // Short clauses whose verb compromise tags in context.
    'Troops trained locals.',
    'No troops arrived.',
    'Mandates matter.'
  ])('%s', async (sentence) => {
    expect((await roleOf(sentence))[0]).toBe('claim')
  })
})

describe('cues: an absolute word that does not sweep', () => {
  /** Strength of the last sentence of a short body paragraph. */
  async function strengthOf(sentence: string): Promise<string> {
    const model = await analyze(`# Essay\n\nThe UN has sent many missions.\n\nPeacekeeping has changed since 1948. ${sentence}\n`, {path: 'e.md'})
    const argument = argumentOf(model)
    return argument.sentences[argument.sentences.length - 1].strength
  }
  it.each([
    // Sweeping: the claim must carry strong support.
    ['All missions fail in the end.', 'absolute'],
    ['Peacekeeping never works in civil wars.', 'absolute'],
    ['This is the only way to protect civilians.', 'absolute'],
    // Softened, the word hedges.
    ['Almost every mission fails in the end.', 'hedged'],
    ['Not all missions fail in the end.', 'hedged'],
    ["This isn't the only way to protect civilians.", 'hedged'],
    ['This is not the only way to protect civilians.', 'hedged'],
    // A set already named, or a set phrase: no sweep at all.
    ['All these missions had their problems.', 'plain'],
    ['All of these missions were too small.', 'plain'],
    ['After all, the mission was too small.', 'plain'],
    ['Above all, the mission was too small.', 'plain']
  ])('%s → %s', async (sentence, strength) => {
    expect(await strengthOf(sentence)).toBe(strength)
  })
})

describe('roles: "I" after a name is a numeral', () => {
  it('"UNEF I" is no story of the writer\'s', async () => {
    expect((await roleOf('In 1967 Egypt asked UNEF I to leave, and the force withdrew at once.'))[1]).not.toBe('personal story')
  })
})

describe('evidence and support', () => {
  async function supportOf(paragraph: string, index: number) {
    const model = await analyze(`# Essay\n\nA short opening.\n\n${paragraph}\n`, {path: 'e.md'})
    const argument = argumentOf(model)
    const sentences = model.paragraphs[model.paragraphs.length - 1].sentences
    return argument.sentences[sentences[index]]
  }

  it('"According to" a named source backs the claim before it; "according to" unnamed people does not', async () => {
    const named = await supportOf('The general felt abandoned by the Council. According to Dallaire\'s chief of staff, he wrote home every night about the missing support.', 0)
    expect(named.support.map((s) => s.kind)).toEqual(['citation'])
    const unnamed = await supportOf('The general felt abandoned by the Council. According to most observers, he wrote home every night about the missing support.', 0)
    expect(unnamed.supported).toBe(false)
  })

  it('a report by a named source ("Kofi Annan admitted…", "Dallaire\'s memoir describes…") backs the claim before it; a report by unnamed critics does not', async () => {
    expect(await supportOf('Robust mandates save lives. Kofi Annan admitted as much in his report on Srebrenica.', 0)).toMatchObject({supported: true, support: [{kind: 'citation', text: 'Kofi Annan'}]})
    expect((await supportOf('The Council ignored its own commander. Dallaire\'s memoir describes the Council\'s indifference.', 0)).supported).toBe(true)
    expect((await supportOf('Robust mandates save lives. Critics admitted as much in their reports.', 0)).supported).toBe(false)
  })

  it('a place in the possessive names its case ("Rwanda\'s genocide in 1994"); "e.g." brings in an example; two places of the place lexicon with an event back their sentence ("the U.S.S.R. and the U.S.\'s years of state building")', async () => {
    expect(await supportOf("Rwanda's genocide in 1994 proves that the Council always fails when it matters most.", 0)).toMatchObject({supported: true, support: [{kind: 'case', text: "Rwanda's 1994"}]})
    expect(await supportOf('Peacekeeping fails without the consent of the parties, e.g. in Somalia.', 0)).toMatchObject({supported: true, support: [{kind: 'example', text: 'e.g. Somalia'}]})
    expect(await supportOf("A failed state is hard to rebuild, as the U.S.S.R. and the U.S.'s years of state building show.", 0)).toMatchObject({supported: true, support: [{kind: 'case'}]})
    // One place the lexicon knows and compromise does not, with an event, is not yet a case.
    expect((await supportOf('Fears of conflict in the eastern Kivu provinces have returned, and the mission is to blame.', 0)).supported).toBe(false)
  })

  it('a sentence that announces an example and closes its paragraph ("A concrete example shows…") is backed by the next paragraph\'s opening; not across a heading', async () => {
    const example = 'Since 2011, Russia cast 19 vetoes, 14 of them on Syria (Security Council Report, 2023).'
    const announced = async (between: string) => {
      const model = await analyze(`# E\n\nThe Council has failed Syria again and again. A concrete example shows the dysfunction today.\n\n${between}${example}\n`, {path: 'e.md'})
      return argumentOf(model).sentences.find((s) => model.sentences[s.sentence].text.startsWith('A concrete example'))!
    }
    expect(await announced('')).toMatchObject({role: 'claim', supported: true, support: [{kind: 'citation'}, {kind: 'case'}, {kind: 'data'}]})
    expect(await announced('## Syria\n\n')).toMatchObject({role: 'claim', supported: false})
  })

  it('a sentence that reads one of the essay\'s tables (a row and every word of a header) is backed by its figures; its neighbours are not', async () => {
    const model = await analyze(
      '# E\n\nThe regional powers decide whether the mission works.\n\n| Rank | Country | Governance | Regional Leadership |\n| ---: | :--- | ---: | ---: |\n| 1 | Ghana | 66.44 | 0.00 |\n| 2 | Senegal | 59.43 | 1.00 |\n\n' +
        'Ghana achieves high scores on good governance. Its army is the most trusted in the region.\n\nSenegal is a significant contributor to regional efforts.\n',
      {path: 'e.md'}
    )
    const argument = argumentOf(model)
    const item = (start: string) => argument.sentences.find((s) => model.sentences[s.sentence].text.startsWith(start))!
    expect(item('Ghana achieves')).toMatchObject({evidence: [{kind: 'data', text: "the table's figures for Ghana", table: true}]})
    expect(item('Its army')).toMatchObject({role: 'claim', supported: false})
    // "regional" alone is not the column "Regional Leadership".
    expect(item('Senegal is')).toMatchObject({role: 'claim', supported: false})
  })

  it('"This is evident in Somalia, …" brings in an example that backs the claim before it', async () => {
    expect(await supportOf('Great powers decide where missions go. This is evident in Somalia, where American soldiers died in Mogadishu.', 0)).toMatchObject({supported: true, support: [{kind: 'example', text: 'evident in Somalia'}]})
  })

  it('two sentences on, a source still backs a claim; a figure there bears on the sentence in between', async () => {
    const opening = 'The UN sent troops to Sierra Leone in 1999.'
    const byFigure = await supportOf(`${opening} The mission was badly led. Its commanders never left the capital. About 500 peacekeepers were taken hostage.`, 1)
    expect(byFigure).toMatchObject({role: 'claim', supported: false})
    const bySource = await supportOf(`${opening} The mission was badly led. Its commanders never left the capital. Olonisakin (2008) documents both failures.`, 1)
    expect(bySource.support.map((s) => s.kind)).toEqual(['citation'])
  })

  it('a claim that something is essential or necessary recommends: only evidence in its own sentence backs it', async () => {
    const opening = 'The UN sent troops to Sierra Leone in 1999.'
    const essential = await supportOf(`${opening} Reform of the police is essential. About 500 peacekeepers were taken hostage in May 2000.`, 1)
    expect(essential).toMatchObject({role: 'claim', supported: false})
    const plain = await supportOf(`${opening} The police were badly trained. About 500 peacekeepers were taken hostage in May 2000.`, 1)
    expect(plain.supported).toBe(true)
  })

  it('"should have" judges the past: the evidence beside it backs it; "should" recommends and needs its own', async () => {
    const opening = 'The UN sent troops to Sierra Leone in 1999.'
    const past = await supportOf(`${opening} The Council should have sent more troops. About 500 peacekeepers were taken hostage in May 2000.`, 1)
    expect(past).toMatchObject({role: 'claim', supported: true})
    expect(past.recommends).toBeUndefined()
    const now = await supportOf(`${opening} The Council should send more troops. About 500 peacekeepers were taken hostage in May 2000.`, 1)
    expect(now).toMatchObject({role: 'claim', supported: false, recommends: true, urges: true})
  })

  it('a number that points into a text ("paragraph 3 of Article 27") is no event; an age limit is no figure', async () => {
    const article = await supportOf('The veto provided for in paragraph 3 of Article 27 does not apply to such votes.', 0)
    expect(article.evidence).toEqual([])
    expect(article.role).toBe('claim')
    const age = await supportOf('Even though the sites have a minimum age limit at 13, many younger children open accounts.', 0)
    expect(age.evidence.map((e) => e.kind)).not.toContain('data')
    const count = await supportOf('Even though the sites have rules, 13 million younger children open accounts.', 0)
    expect(count.evidence.map((e) => e.kind)).toContain('data')
    for (const dated of ['The attack came on April 16, 2007 in Virginia.', 'The attack came on 16 April 2007 in Virginia.', 'The March 23 Movement took Goma in 2012.']) {
      expect((await supportOf(dated, 0)).evidence.map((e) => e.kind), dated).not.toContain('data')
    }
  })

  it('a claim that opens by drawing an inference after the paragraph\'s first sentence sums it up; the first sentence does not', async () => {
    const paragraph = 'So the Council failed in Rwanda. Its members feared another Somalia. Therefore, the veto powers decide which wars matter.'
    expect((await supportOf(paragraph, 0)).sumsUp).toBeUndefined()
    expect((await supportOf(paragraph, 2)).sumsUp).toBe(true)
  })

  it('places alone ("missions in South Sudan, the CAR and Mali") back their own sentence, not a neighbouring claim; a dated case does', async () => {
    const places = 'The UN spreads itself far too thin. Its missions in South Sudan, the Central African Republic and Mali compete for the same scarce troops and money.'
    expect(await supportOf(places, 0)).toMatchObject({role: 'claim', supported: false})
    expect(await supportOf(places, 1)).toMatchObject({role: 'claim', supported: true, support: [{kind: 'case', placesOnly: true}]})
    const dated = 'The UN spreads itself far too thin. Its missions in South Sudan, the Central African Republic and Mali competed for troops in 2014.'
    expect(await supportOf(dated, 0)).toMatchObject({supported: true, support: [{kind: 'case', text: 'Sudan 2014'}]})
  })

  it('an example names its case: "Take X, for instance" backs the claim before it', async () => {
    const item = await supportOf('Big events rarely pay for themselves. Take the Olympic Games in Athens, for instance, which left stadiums empty.', 0)
    expect(item.supported).toBe(true)
  })

  it('"Consider X: …" at a sentence\'s start brings in an example; "take" inside a sentence does not', async () => {
    const item = await supportOf('Missions rarely succeed without regional support. Consider Sierra Leone: British troops and regional forces did much of the fighting.', 0)
    expect(item.support).toEqual([expect.objectContaining({kind: 'example', text: 'consider Sierra'})])
    const inside = await supportOf('Rebuilding is slow. It will take years to rebuild Liberia after the war.', 1)
    expect(inside.evidence.map((e) => e.kind)).not.toContain('example')
  })

  it('countries by their whole names ("the Central African Republic", "the DRC") make missions with an event a named case', async () => {
    const item = await supportOf('Robust mandates have not protected civilians better. Missions in South Sudan, the Central African Republic and the DRC all had protection mandates, yet civilians were massacred near UN bases.', 0)
    expect(item).toMatchObject({role: 'claim', supported: true})
    expect(item.support).toEqual([expect.objectContaining({kind: 'case', text: 'South Sudan, Central African Republic, DRC'})])
    // One place and an event is a weak case: it does not back the claim before it.
    const one = await supportOf('Robust mandates have not protected civilians better. The mission in the DRC had a protection mandate, yet civilians were massacred near its bases.', 0)
    expect(one.supported).toBe(false)
  })

  it('a place with an event is a named case, with or without a year', async () => {
    const item = await supportOf('The withdrawal from Somalia in 1995 taught Washington to fear casualties.', 0)
    expect(item.evidence.map((e) => e.kind)).toContain('case')
  })

  it('a capitalised word or a bare year is not a case', async () => {
    const item = await supportOf('Obviously, every mission since 1990 has failed to protect civilians.', 0)
    expect(item.role).toBe('claim')
    expect(item.supported).toBe(false)
  })

  it('page numbers in a citation are not data', async () => {
    const item = await supportOf('Peacekeepers are poorly trained (Hays 17).', 0)
    expect(item.evidence.map((e) => e.kind)).toEqual(['citation'])
  })

  it('a citation written after the full stop backs the sentence before it', async () => {
    const item = await supportOf('The mission failed to stop the killing. (Dallaire, 2003) The Council did not act.', 0)
    expect(item.supported).toBe(true)
  })

  it('a paragraph that opens by drawing on the block quote before it ("This shows…") is backed by the quote; a new point there is not', async () => {
    const essay = (opening: string) => `# Essay\n\nA short opening.\n\nThe panel's report was blunt:\n\n> Without renewed commitment, missions will keep failing the people they were sent to protect.\n\n${opening} The Council has not answered it.\n`
    const first = async (opening: string) => {
      const model = await analyze(essay(opening), {path: 'e.md'})
      return argumentOf(model).sentences[model.paragraphs[model.paragraphs.length - 1].sentences[0]]
    }
    expect(await first('This shows that reform is urgent.')).toMatchObject({role: 'claim', supported: true, support: [{kind: 'quotation', text: 'the block quote'}]})
    expect(await first('Reform of the Council is urgent.')).toMatchObject({role: 'claim', supported: false})
  })

  it('a paragraph that opens by drawing on the evidence that closed the one before ("As we can see, …") is backed by it; one that opens with a pronoun is not', async () => {
    const first = async (opening: string) => {
      const model = await analyze(`# Essay\n\nA short opening.\n\nThe Council cut UNAMIR to 270 troops on 21 April 1994.\n\n${opening} The Council has not answered for it.\n`, {path: 'e.md'})
      return argumentOf(model).sentences[model.paragraphs[model.paragraphs.length - 1].sentences[0]]
    }
    expect(await first('As we can see, the Council abandoned Rwanda when it mattered most.')).toMatchObject({role: 'claim', supported: true, support: expect.arrayContaining([expect.objectContaining({kind: 'case', text: 'UNAMIR 1994'})])})
    expect(await first('They abandoned Rwanda when it mattered most.')).toMatchObject({role: 'claim', supported: false})
  })

  it('"will" after "When…" tells what happens each time: evidence beside it backs it; a prediction needs its own', async () => {
    const habit = await supportOf('Apps ask users to agree to long terms. When you open an app, almost everyone will click agree without reading. A 2019 experiment found that only one user in thousands read them (Deibert, 2019).', 1)
    expect(habit).toMatchObject({role: 'claim', supported: true})
    expect(habit.recommends).toBeUndefined()
    const prediction = await supportOf('Apps ask users to agree to long terms. Almost everyone will click agree without reading. A 2019 experiment found that only one user in thousands read them (Deibert, 2019).', 1)
    expect(prediction).toMatchObject({role: 'claim', supported: false, recommends: true})
  })

  it('a claim argued only with the writer\'s reasons is marked reasoned, and reported at info', async () => {
    const item = await supportOf('Local troops work better because they know the language.', 0)
    expect(item).toMatchObject({supported: false, reasoned: true, priority: 'info'})
  })

  it('a paragraph\'s opening claim argued by the sentences after it (reasons, the writer\'s own example) is reasoned; without them it is not', async () => {
    const argued = await supportOf('Compulsory service teaches students skills that no classroom gives them. They have to talk to strangers and solve practical problems. For example, my cousin learned to stay calm under pressure at a hospital.', 0)
    expect(argued).toMatchObject({role: 'claim', supported: false, reasoned: true, priority: 'info'})
    const asserted = await supportOf('Compulsory service teaches students skills that no classroom gives them. They have to talk to strangers and solve practical problems. Such skills matter more than grades.', 0)
    expect(asserted).toMatchObject({role: 'claim', supported: false, reasoned: false})
    // Only the opening claim: a claim later in the paragraph is not argued by a reason two sentences before it.
    const later = await supportOf('Service is popular. For example, my cousin volunteered at a hospital. The town has a large hospital. Compulsory service teaches students skills that no classroom gives them.', 3)
    expect(later).toMatchObject({role: 'claim', supported: false, reasoned: false})
    // Right after the writer's story, the lesson drawn from it is argued by it.
    const lesson = await supportOf('Children in the countryside are healthier. When I was a child, I lived on a farm and I rarely got sick. Therefore, the countryside gives children a stronger body.', 2)
    expect(lesson).toMatchObject({role: 'claim', supported: false, reasoned: true})
  })
})

describe('thesis and priority', () => {
  it('finds a thesis stated with "I firmly believe" in the introduction, and backs it by the body', async () => {
    const model = await analyze('# E\n\nThe UN has deployed over 70 missions since 1948. Many have failed. I firmly believe that the UN should rely on regional forces.\n\nIn Liberia in 2003, ECOWAS troops arrived before the UN (Adebajo, 2011).\n', {path: 'e.md'})
    const argument = argumentOf(model)
    expect(argument.thesis).toHaveLength(1)
    expect(model.sentences[argument.thesis[0]].text).toMatch(/^I firmly believe/)
    expect(argument.sentences[argument.thesis[0]].supported).toBe(true)
  })

  it('without a cue, takes the introduction\'s last claim for the thesis, unless it tells history', async () => {
    const thesisOf = async (last: string) => {
      const model = await analyze(`# E\n\nThe UN was founded in 1945. Its first missions watched ceasefires. ${last}\n\nIn Liberia in 2003, ECOWAS troops arrived before the UN (Adebajo, 2011).\n`, {path: 'e.md'})
      return argumentOf(model).thesis.map((i) => model.sentences[i].text)
    }
    expect(await thesisOf('Peacekeeping works only when the great powers want it to.')).toEqual(['Peacekeeping works only when the great powers want it to.'])
    expect(await thesisOf('After the collapse of the Soviet Union, conflicts within states became more common.')).toEqual([])
  })

  it('an unsupported claim in the conclusion is info, the same claim opening a body paragraph a warning', async () => {
    const claim = 'Peacekeeping always fails when the great powers look away.'
    const model = await analyze(`# E\n\nThis essay argues that the Council failed Rwanda.\n\n${claim} The Council is too slow to act.\n\n## Conclusion\n\n${claim}\n`, {path: 'e.md'})
    const argument = argumentOf(model)
    const items = argument.sentences.filter((s) => model.sentences[s.sentence].text === claim)
    expect(items.map((s) => [model.paragraphs[model.sentences[s.sentence].paragraph].index, s.supported, s.priority])).toEqual([
      [2, false, 'warning'],
      [4, false, 'info']
    ])
  })

  it('reads the last paragraph of a five-paragraph essay without a cue as its close: its claim is info, not backed by echoing the body; not so when the essay has sections', async () => {
    const claim = 'Peacekeeping always fails when the great powers look away.'
    const body = [
      'The Council had troops in Kigali in April 1994. This essay argues that the Council failed Rwanda. It looks at the cuts and the delays.',
      `${claim} The Council is too slow to act.`,
      'The Council cut UNAMIR to 270 troops on 21 April 1994. It sent a larger force only in May 1994.',
      'The envoys left Kigali in April 1994. The embassies closed that week.'
    ]
    const close = `The world must remember Rwanda. ${claim}`
    const priorities = async (text: string) => {
      const model = await analyze(text, {path: 'e.md'})
      const argument = argumentOf(model)
      return argument.sentences.filter((s) => model.sentences[s.sentence].text === claim).map((s) => [s.supported, s.priority])
    }
    expect(await priorities(`# E\n\n${[...body, close].join('\n\n')}\n\n## References\n\nDallaire, R. (2003). Shake Hands with the Devil. Random House.\n`)).toEqual([
      [false, 'warning'],
      [false, 'info']
    ])
    // A last paragraph that adds a point ("Another problem is…") is a body paragraph: the essay has no close.
    expect(await priorities(`# E\n\n${[...body, `Another problem is that the envoys left. ${claim}`].join('\n\n')}\n`)).toEqual([
      [false, 'warning'],
      [false, 'warning']
    ])
    // With sections, the last section's last paragraph is one more point, not the close.
    expect(await priorities(`# E\n\n${body[0]}\n\n## The case\n\n${body.slice(1).join('\n\n')}\n\n${close}\n`)).toEqual([
      [false, 'warning'],
      [false, 'warning']
    ])
  })

  it.each(['Sovereignty is overrated.', 'Impartiality is a myth.', 'Peacekeeping is a waste of money.', 'The responsibility to protect has become a slogan.'])(
    'a verdict in a judging word ("%s") opening a body paragraph is a warning; a bare statement is info',
    async (claim) => {
      const model = await analyze(`# E\n\nThis essay argues that the Council failed Rwanda.\n\n${claim} States hide behind it.\n\n## Conclusion\n\nThe Council failed Rwanda.\n`, {path: 'e.md'})
      const argument = argumentOf(model)
      const of = (text: string) => argument.sentences.find((s) => model.sentences[s.sentence].text === text)!
      expect(of(claim)).toMatchObject({role: 'claim', supported: false, priority: 'warning'})
      expect(of('States hide behind it.').priority).toBe('info')
    }
  )

  it('an unsupported claim in the introduction is info when a body follows; in a short answer it stays a warning', async () => {
    const claim = 'Peacekeeping always fails when the great powers look away.'
    const body = 'The Council cut UNAMIR to 270 troops on 21 April 1994. It sent a larger force only in May 1994.'
    const withBody = await analyze(`# E\n\n${claim} This essay argues that the Council failed Rwanda.\n\n## The cuts\n\n${body}\n\nThe envoys left Kigali in April 1994. The embassies closed.\n\n## Conclusion\n\nThe Council failed Rwanda.\n`, {path: 'e.md'})
    const short = await analyze(`# E\n\n${claim} The Council is too slow to act.\n\nThe envoys left Kigali in April 1994.\n`, {path: 'e.md'})
    const priorityOf = (model: Awaited<ReturnType<typeof analyze>>) => argumentOf(model).sentences.find((s) => model.sentences[s.sentence].text === claim)!.priority
    expect(priorityOf(withBody)).toBe('info')
    expect(priorityOf(short)).toBe('warning')
  })

  it('a claim that says it concludes ("In conclusion, …") is info wherever it stands; a bare assertion is not a warning, a judgement is', async () => {
    const model = await analyze(
      '# E\n\nThis essay argues that the Council failed Rwanda.\n\nThe Council met twice that spring. The envoys were recalled.\n\nThe mission was clearly a disgrace for the Council. The troops stayed in barracks.\n\nIn conclusion, the Council should have sent more troops. It did not.\n',
      {path: 'e.md'}
    )
    const argument = argumentOf(model)
    const priority = (start: string) => argument.sentences.find((s) => model.sentences[s.sentence].text.startsWith(start))
    expect(priority('The Council met twice')).toMatchObject({role: 'claim', supported: false, priority: 'info'})
    expect(priority('The mission was clearly')).toMatchObject({role: 'claim', supported: false, priority: 'warning'})
    expect(priority('In conclusion')).toMatchObject({role: 'claim', supported: false, priority: 'info'})
  })

  it('finds a conclusion that opens with "All in all" before a byline, and backs a concluding sentence that restates a backed body claim', async () => {
    const model = await analyze(
      '# E\n\nThis essay argues that regional forces protect civilians sooner.\n\nRegional forces reached the capital first. In Liberia in 2003, ECOWAS troops arrived weeks before the UN (Adebajo, 2011).\n\nIn conclusion, regional forces reached the capital first and protected civilians sooner. The Council then took over.\n\nAll in all, the Council should hand the first weeks of a crisis to regional troops. Regional forces reached the capital first, and the Council should pay them for it.\n\nEdited by Sam Lee\n',
      {path: 'e.md'}
    )
    const argument = argumentOf(model)
    expect(argument.conclusion).toEqual([model.paragraphs.findIndex((p) => p.sentences.length > 0 && model.sentences[p.sentences[0]].text.startsWith('All in all'))])
    const item = (start: string) => argument.sentences.find((s) => model.sentences[s.sentence].text.startsWith(start))!
    // Not in the conclusion paragraph, but it says it concludes: it sums up the body.
    expect(item('In conclusion')).toMatchObject({role: 'claim', supported: true})
    // A recommendation in the conclusion that does not say it sums up goes beyond what the body showed.
    expect(item('Regional forces reached the capital first, and')).toMatchObject({role: 'claim', supported: false})
  })

  it('an essay of 600+ words without sources is under-sourced', async () => {
    const paragraph = 'The mission was a failure and the Council should have acted sooner than it did in that year. '.repeat(8)
    const model = await analyze(`# E\n\n${Array.from({length: 9}, () => paragraph).join('\n\n')}\n`, {path: 'e.md'})
    const {sourcing} = argumentOf(model)
    expect(sourcing).toMatchObject({citations: 0, underSourced: true})
    expect(sourcing.words).toBeGreaterThan(600)
  })
})

describe('vague appeals as patterns over words and slots', () => {
  const words = (text: string) => text.split(/\s+/).map((w, i) => ({norm: w.toLowerCase().replace(/[.,]/g, ''), text: w, start: i, end: i + 1, line: 1, column: 1, endLine: 1, endColumn: 1}))
  it.each(['Many have argued that peacekeeping works.', 'It is always said that the UN fails.', 'According to scholars, the veto is outdated.', 'Hardly anyone claims otherwise.', 'Plenty of others say so.', 'We know that missions fail.', 'Political scientists have long shown this.', 'There is a broad consensus that missions fail.', 'There is general agreement that the veto is outdated.', 'It is known that missions fail.', 'Most experts, in the end, agreed.'])('finds one in "%s"', (text) => {
    expect(vagueAppeals(words(text))).toHaveLength(1)
  })
  it.each(['Many people died in the war.', 'The scholars cited above agree.', 'Fortna (2008) shows that peace lasts.', 'Some states voiced concerns.', 'There is agreement between the parties on a ceasefire.', 'Several observers were killed in the attack.', 'Many demonstrators were arrested.', 'Many agreements were signed.', 'It is known as the Responsibility to Protect.', 'In 1993 it was agreed that the mission would end.', 'Local people held a protest.'])('finds none in "%s"', (text) => {
    expect(vagueAppeals(words(text))).toEqual([])
  })
})

describe('plain text with one paragraph per line', () => {
  it('is told from hard-wrapped text', () => {
    const long = 'This sentence is part of a paragraph that a word processor saved on one line, as students hand them in. '.repeat(2).trim()
    expect(oneParagraphPerLine(`Title\n${long}\n${long}\n`)).toBe(true)
    expect(oneParagraphPerLine('A hard-wrapped paragraph that goes on\nacross short lines, as an editor would\nwrap it.\n\nAnother one.\n')).toBe(false)
    // A reference list of long web addresses does not hide the paragraphs above it.
    const url = 'https://www.example.org/' + 'a-long-path-segment/'.repeat(8)
    expect(oneParagraphPerLine(`Title\n${long}\n${long}\nReferences\n${url}\n${url}\n${url}\n`)).toBe(true)
  })

  it('gives the same paragraphs, roles and findings as the Markdown twin', async () => {
    const body = [
      'This essay argues that the UN failed in Rwanda because the Security Council lacked the will to act, and that reform since then has been too slow to matter.',
      'In April 1994, resolution 912 cut UNAMIR to about 270 troops (Dallaire, 2003). The Council obviously never cared about Rwanda at all. Peacekeeping always fails when the great powers look away.',
      'Key lessons include:'
    ]
    const markdown = `# The UN and Rwanda\n\n${body.join('\n\n')}\n\n- Early warning\n- Political will\n\n## Conclusion\n\nThe UN must act sooner next time, whatever the cost to its members and their troops.\n`
    const text = `The UN and Rwanda\n${body.join('\n')}\nEarly warning\nPolitical will\nConclusion\nThe UN must act sooner next time, whatever the cost to its members and their troops.\n`
    const shape = async (value: string, path: string) => {
      const model = await analyze(value, {path})
      const argument = argumentOf(model)
      return model.paragraphs.map((p) => [p.kind, p.sentences.map((i) => [model.sentences[i].text, argument.sentences[i].role, argument.sentences[i].supported])])
    }
    expect(await shape(text, 'e.txt')).toEqual(await shape(markdown, 'e.md'))
  })

  it('keeps a cue split by a hard line break', async () => {
    const model = await analyze('# E\n\nThe UN has sent many missions. Some of them failed badly. This\nessay argues that consent matters most.\n\nMore text follows here.\n', {path: 'e.md'})
    const argument = argumentOf(model)
    expect(argument.thesis.map((i) => model.sentences[i].text)).toEqual(['This\nessay argues that consent matters most.'])
  })
})

describe('vague appeals in context', () => {
  it('an appeal inside a quotation is the quoted author\'s, not the writer\'s', async () => {
    const model = await analyze('# E\n\nThe UN opened.\n\nThe report put it plainly: “some researchers say the missions failed, and no one listened.”\n', {path: 'e.md'})
    expect(argumentOf(model).sentences.flatMap((s) => s.vague)).toEqual([])
  })
  it('"is widely criticised" and "it has been shown" are appeals', async () => {
    const model = await analyze('# E\n\nThe UN opened.\n\nThe doctrine is widely criticised. It has been shown that missions fail.\n', {path: 'e.md'})
    expect(argumentOf(model).sentences.flatMap((s) => s.vague.map((v) => v.text))).toEqual(['is widely criticised', 'It has been shown'])
  })
  const appeals = async (paragraph: string) => {
    const model = await analyze(`# E\n\nThe UN opened.\n\n${paragraph}\n`, {path: 'e.md'})
    return argumentOf(model).sentences.flatMap((s) => s.vague.map((v) => v.text))
  }
  it('an appeal that names its sources right after it ("including Dallaire", "notably Paris") is not vague', async () => {
    expect(await appeals('Many experts, including Romeo Dallaire, warned the Council in January 1994.')).toEqual([])
    expect(await appeals('Some analysts, notably Paris, argue that elections came too early.')).toEqual([])
    expect(await appeals('Many experts, including some at the UN, warned the Council.')).toEqual(['Many experts'])
    expect(await appeals('Most observers, including the Brahimi Panel in 2000, found the missions underfunded.')).toEqual([])
    // The agent of a passive names who holds the view.
    expect(await appeals('This policy is often criticised by Western governments.')).toEqual([])
    expect(await appeals('This policy is often criticised by many.')).toEqual(['is often criticised'])
  })
  it('the other side\'s view, answered in the same sentence or the next, is not offered as evidence; the same appeal standing alone is', async () => {
    expect(await appeals('Many critics argue that the UN is useless, but this ignores the record in Cyprus.')).toEqual([])
    expect(await appeals('Some people believe that peacekeeping always fails. However, the record says otherwise.')).toEqual([])
    expect(await appeals('Some people believe that peacekeeping always fails. The record says so.')).toEqual(['Some people believe'])
    expect(await appeals('Many people think the veto is unfair, and I agree with them.')).toEqual(['Many people think'])
    // Two views side by side are the debate, not evidence for either.
    expect(await appeals('Some say the veto should go, others say it keeps the great powers inside the UN.')).toEqual([])
    expect(await appeals('Many argue that the veto should be abolished, and others that it should be limited.')).toEqual([])
    // Two appeals for one view are still appeals.
    expect(await appeals('Statistics prove that this happens in many cases.')).toEqual(['Statistics prove', 'in many cases'])
    expect(await appeals('While some people believe intervention is always wrong, the genocide in Rwanda shows otherwise.')).toEqual([])
    expect(await appeals('While the Council debated, some people believe the killing doubled.')).toEqual(['some people believe'])
    // The second view of a debate the writer sets out ("Some think X, while others believe Y") is not evidence either.
    expect(await appeals('Some people think service should be compulsory, while others believe it should stay voluntary.')).toEqual([])
    expect(await appeals('The mission protected the capital, although many experts say it failed in the east.')).toEqual([])
  })
  it('quotes the appeal itself when Markdown emphasis comes before it in the sentence', async () => {
    const model = await analyze('# E\n\nThe UN opened.\n\nThis has *never* been tried, and **the prevailing opinion** is that it cannot work.\n', {path: 'e.md'})
    const [appeal] = argumentOf(model).sentences.flatMap((s) => s.vague)
    expect(appeal.text).toBe('the prevailing opinion')
    expect(appeal.range.start.column).toBe('This has *never* been tried, and **'.length + 1)
  })
})

describe('sentence joins after abbreviations', () => {
  it('"Art. 27(3)", "pp. 45–50" do not end a sentence; "no." before a capital does', async () => {
    const model = await analyze('# E\n\nThe Council may act under Art. 27(3) of the Charter. See pp. 45–50 for the rest. He said no. Then it ended.\n', {path: 'e.md'})
    expect(model.sentences.slice(1).map((s) => s.text)).toEqual(['The Council may act under Art. 27(3) of the Charter.', 'See pp. 45–50 for the rest.', 'He said no.', 'Then it ended.'])
    expect(model.sentences[1].range.start.column).toBe(1)
    expect(model.sentences[1].range.end.column).toBe(53)
  })
})
