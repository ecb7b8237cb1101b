/**
 * The human report: vfile-reporter, with files that have nothing to say left
 * out. File names and messages (which quote the essay) are shown with their
 * control characters escaped (src/escape.ts): the report goes to a terminal.
 */

import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {reporter} from 'vfile-reporter'
import {visible, visibleKeepingLineBreaks} from '../escape.js'

/** A copy of a message whose texts are safe to print. */
function visibleMessage(message: VFileMessage): VFileMessage {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(message) as object) as VFileMessage, message)
  copy.message = visible(message.message)
  copy.reason = visible(message.reason)
  if (message.stack) copy.stack = visibleKeepingLineBreaks(message.stack)
  if (message.cause instanceof Error) copy.cause = visibleMessage(message.cause as VFileMessage)
  return copy
}

export function stylishReport(files: Array<{file: VFile; path: string}>, options: {color: boolean}): string {
  const withMessages = files
    .filter(({file}) => file.messages.length > 0)
    .map(({file, path}) => {
      const shown = new VFile({path: visible(path)})
      shown.messages = file.messages.map(visibleMessage)
      return shown
    })
  if (withMessages.length === 0) return ''
  const text = reporter(withMessages, {color: options.color, quiet: true})
  return text ? text + '\n' : ''
}
