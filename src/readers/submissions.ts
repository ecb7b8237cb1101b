/**
 * A class's submissions as an LMS bulk download makes them: a zip of essays,
 * each named by student.
 * - Canvas: `doejane_12345_67890_essay.docx` (`doejane_LATE_…` when late);
 * - Moodle: a folder per student, `Jane Doe_12345_assignsubmission_file_/essay.docx`;
 * - Blackboard: `Essay 1_jdoe_attempt_2026-11-30-09-15-00_essay.docx`, with a
 *   receipt `Essay 1_jdoe_attempt_2026-11-30-09-15-00.txt` that is not an essay;
 * - anything else: the top folder, or the file name.
 * The zip is read through `zip.ts` with the limits below: entries over 20 MB,
 * unsafe paths and zips inside the zip are refused one by one; more than
 * 5,000 entries or 500 MB in all refuse the archive.
 */

import type {ZipLimits} from './zip.js'

export const submissionLimits: ZipLimits = {maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 500 * 1024 * 1024, maxEntries: 5000}

export interface Submission {
  student: string
  /** The LMS whose layout the name follows. */
  layout: 'canvas' | 'moodle' | 'blackboard' | 'folder' | 'file'
  /** A Blackboard receipt: the LMS's note about the submission, not an essay. */
  receipt?: boolean
}

const canvas = /^([a-z][a-z-]*?)(?:_late)?_(\d+)_(\d+)_(.+)$/i
const moodle = /^(.+?)_(\d+)_assign(?:submission|feedback)_[a-z]+_?$/i
const blackboard = /^.+_([^_/]+)_attempt_(\d{4}(?:-\d{2}){5})(_.+)?\.[a-z0-9]+$/i

/** Who handed in the file at this path of the zip. */
export function submissionOf(entry: string): Submission {
  const parts = entry.split('/').filter(Boolean)
  const base = parts[parts.length - 1]
  const top = parts.length > 1 ? parts[0] : undefined
  const moodleFolder = top ? moodle.exec(top) : null
  if (moodleFolder) return {student: moodleFolder[1].trim(), layout: 'moodle'}
  const board = blackboard.exec(base)
  if (board) return {student: board[1], layout: 'blackboard', receipt: board[3] === undefined && /\.txt$/i.test(base)}
  const canvasFile = canvas.exec(base)
  if (canvasFile) return {student: canvasFile[1], layout: 'canvas'}
  if (top) return {student: top, layout: 'folder'}
  return {student: base.replace(/\.[^.]+$/, ''), layout: 'file'}
}
