/** The human report: vfile-reporter, with files that have nothing to say left out. */

import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

export function stylishReport(files: VFile[], options: {color: boolean}): string {
  const withMessages = files.filter((file) => file.messages.length > 0)
  if (withMessages.length === 0) return ''
  const text = reporter(withMessages, {color: options.color, quiet: true})
  return text ? text + '\n' : ''
}
