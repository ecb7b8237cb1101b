/** The messages between the playground page and its lint worker. */

import type {Severity} from '../../rule.js'

export interface RuleInfo {
  id: string
  description: string
  severity: Severity
}

/** Sent once by the worker when it starts: what the settings panel offers. */
export interface Meta {
  type: 'meta'
  rules: RuleInfo[]
  perspectives: Array<{id: string; label: string}>
  required: string[]
}

export interface LintRequest {
  id: number
  text: string
  /** "essay.md" or "essay.txt": Markdown or plain text. */
  name: string
  config: PlaygroundConfig
}

export interface LintResult {
  type: 'result'
  id: number
  html: string
  findings: number
  milliseconds: number
}

export interface LintFailure {
  type: 'error'
  id: number
  error: string
}

export type WorkerMessage = Meta | LintResult | LintFailure

/** The config the settings panel makes: the shape of `.essaylintrc.json`. */
export interface PlaygroundConfig {
  extends: 'essaylint:recommended'
  rules: Record<string, Severity | [Severity, {required: string[]}]>
}
