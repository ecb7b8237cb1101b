/**
 * Editor settings, under the `essaylint` section of the workspace settings
 * (VS Code's settings.json, lspconfig's `settings`, Helix's `config`...).
 * They add to what config files say, the way command-line flags do; they
 * never replace config discovery.
 *
 *   essaylint.enable    false turns the server off for that scope (default true)
 *   essaylint.config    a config file to use instead of looking for one (like --config);
 *                       relative paths start at the workspace folder
 *   essaylint.rules     {"rule-id": "off" | "info" | "warn" | "error"} (like --rule)
 *   essaylint.debounce  edits closer together than this many milliseconds are checked once,
 *                       when they stop; an edit after a pause is checked at once (default 30)
 */

import {rules} from '../rules.js'
import type {Severity} from '../rule.js'

export interface Settings {
  enable: boolean
  config: string | undefined
  rules: Record<string, Severity>
  debounce: number
}

export const defaultSettings: Settings = {enable: true, config: undefined, rules: {}, debounce: 30}

const severities: Record<string, Severity> = {off: 'off', info: 'info', warn: 'warn', warning: 'warn', error: 'error'}

/**
 * Read settings as a client sent them. Accepts the `essaylint` section itself
 * or an object that holds it (`{essaylint: {...}}`, as `didChangeConfiguration`
 * and `initializationOptions` often carry it). Wrong values are left out and
 * described in `problems`, in plain words.
 */
export function readSettings(raw: unknown): {settings: Settings; problems: string[]} {
  const problems: string[] = []
  const settings: Settings = {...defaultSettings, rules: {}}
  let section = raw
  if (isObject(section) && isObject(section.essaylint)) section = section.essaylint
  if (section === undefined || section === null) return {settings, problems}
  if (!isObject(section)) {
    problems.push('the "essaylint" settings must be an object')
    return {settings, problems}
  }
  if (section.enable !== undefined) {
    if (typeof section.enable === 'boolean') settings.enable = section.enable
    else problems.push('"essaylint.enable" must be true or false')
  }
  if (section.config !== undefined && section.config !== null && section.config !== '') {
    if (typeof section.config === 'string') settings.config = section.config
    else problems.push('"essaylint.config" must be the path of a config file')
  }
  if (section.debounce !== undefined) {
    const value = section.debounce
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000) settings.debounce = Math.round(value)
    else problems.push('"essaylint.debounce" must be a number of milliseconds between 0 and 10000')
  }
  if (section.rules !== undefined && section.rules !== null) {
    if (!isObject(section.rules)) problems.push('"essaylint.rules" must map rule ids to "off", "info", "warn" or "error"')
    else {
      for (const [id, value] of Object.entries(section.rules)) {
        const severity = severities[String(value)]
        if (!(id in rules)) problems.push(`"essaylint.rules": unknown rule "${id}" (known rules: ${Object.keys(rules).join(', ')})`)
        else if (typeof value !== 'string' || !severity) problems.push(`"essaylint.rules": rule "${id}" has an invalid severity ${JSON.stringify(value)} (expected "off", "info", "warn" or "error")`)
        else settings.rules[id] = severity
      }
    }
  }
  return {settings, problems}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
