/**
 * The playground's Web Worker: the same pipeline as the CLI (bundled for the
 * browser by scripts/build-web.mjs), so typing never waits for the analysis.
 * It lints, grades against the default rubric and renders the essay to HTML;
 * the page only swaps it in.
 */

import {lint} from '../../index.js'
import {presets} from '../../config/presets.js'
import {defaultConcepts} from '../../model/lexicon.js'
import {rules} from '../../rules.js'
import {defaultRubric} from '../../grade/rubric.js'
import {gradeEssay} from '../../grade/score.js'
import {renderEssay} from '../render/essay.js'
import {essayView} from '../view.js'
import type {LintRequest, Meta, WorkerMessage} from './protocol.js'
import type {Severity} from '../../rule.js'

const post = (message: WorkerMessage) => (self as unknown as Worker).postMessage(message)

const recommended = presets['essaylint:recommended'].rules ?? {}
const meta: Meta = {
  type: 'meta',
  rules: Object.values(rules).map((rule) => ({id: rule.meta.id, description: rule.meta.description, severity: (recommended[rule.meta.id] as Severity | undefined) ?? 'off'})),
  perspectives: Object.values(defaultConcepts())
    .filter((c) => c.group === 'perspective')
    .map((c) => ({id: c.id, label: c.label})),
  required: (rules['perspective-coverage']?.meta.defaults as {required?: string[]} | undefined)?.required ?? []
}
post(meta)

self.onmessage = async (event: MessageEvent<LintRequest>) => {
  const {id, text, name, config} = event.data
  const started = performance.now()
  try {
    const file = await lint(text, {path: name, config})
    const grade = gradeEssay(file, name, defaultRubric())
    const html = renderEssay(essayView(file, name, grade), {idPrefix: 'essay', headingLevel: 2})
    post({type: 'result', id, html, findings: file.messages.length, milliseconds: Math.round(performance.now() - started)})
  } catch (error) {
    post({type: 'error', id, error: (error as Error).message})
  }
}
