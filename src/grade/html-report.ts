/**
 * `essaylint grade --format html`: the class report, one self-contained page
 * (styles and scripts inline, nothing fetched) for an instructor: the class
 * statistics and a histogram of the scores, a heatmap of essays × criteria, a
 * sortable and filterable table (score, criteria, findings by rule), and each
 * essay as the playground shows it (src/web/render), folded until opened.
 *
 * The histogram and the heatmap are plain SVG and an HTML table built here:
 * ten bars and a grid of coloured cells need no charting library, and a table
 * keeps every number readable by a screen reader and on paper.
 */

import type {Element, ElementContent} from 'hast'
import {h, s} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {installTooltips} from '../web/render/behaviour.js'
import {essayBodyTree} from '../web/render/essay.js'
import {ruleLabel} from '../web/render/rule-style.js'
import {band, points} from '../web/render/score.js'
import {styles} from '../web/render/styles.js'
import type {EssayView} from '../web/view.js'
import {classStats, type ClassStats} from './stats.js'

const reportStyles = `
.stats{display:flex;flex-wrap:wrap;gap:.75rem;margin:0 0 1rem;padding:0}
.stats div{background:var(--panel);border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem;min-width:7.5rem}
.stats dt{color:var(--muted);font-size:.85rem}
.stats dd{margin:0;font-size:1.5rem;font-weight:700}
.histogram{max-width:40rem;width:100%;height:auto}
.histogram .bar{fill:var(--accent)}
.histogram text{fill:var(--text);font:12px system-ui,sans-serif}
.histogram .axis{stroke:var(--muted)}
.scroll{overflow-x:auto}
table{border-collapse:collapse;font-size:.92rem}
th,td{padding:.35rem .6rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
thead th{position:sticky;top:0;background:var(--panel)}
th button{all:inherit;cursor:pointer;text-decoration:underline dotted}
th[aria-sort=ascending] button::after{content:" ▲"}
th[aria-sort=descending] button::after{content:" ▼"}
.heatmap td.cell{min-width:4.2rem;text-align:center;font-variant-numeric:tabular-nums}
${[0, 1, 2, 3, 4].map((b) => `.heat-${b}{background:var(--band-${b})}`).join('')}
.legend{display:flex;gap:.4rem;align-items:center;font-size:.85rem;color:var(--muted);margin:.5rem 0}
.legend span.swatch{display:inline-block;width:1.6rem;height:.9rem;border-radius:.2rem}
.filter{margin:0 0 .6rem}
.filter input{font:inherit;padding:.3rem .5rem;border:1px solid var(--muted);border-radius:.3rem;background:var(--panel);color:var(--text);min-width:18rem}
.essay-card>details>summary{cursor:pointer;list-style:revert}
.essay-card>details>summary h3{display:inline;font-size:1.1rem}
.essay-card>details[open]>summary{margin-bottom:.8rem}
@media print{.filter,th button::after{display:none}.essay-card>details>summary{list-style:none}}
`

const slug = (index: number) => `essay-${index + 1}`

function statsTree(stats: ClassStats): Element {
  const item = (label: string, value: string, key: string) => h('div', {dataStat: key}, [h('dt', label), h('dd', value)])
  return h('dl', {className: ['stats']}, [
    item('Essays', String(stats.count), 'count'),
    item('Mean', points(stats.mean), 'mean'),
    item('Median', points(stats.median), 'median'),
    item('Range', `${points(stats.min)}–${points(stats.max)}`, 'range'),
    item('Standard deviation', points(stats.standardDeviation), 'standard-deviation')
  ])
}

function histogramTree(stats: ClassStats): Element {
  const width = 560
  const height = 220
  const [left, bottom, top] = [32, 36, 16]
  const tallest = Math.max(1, ...stats.histogram.map((b) => b.count))
  const barWidth = (width - left - 8) / stats.histogram.length
  const y = (count: number) => top + (height - top - bottom) * (1 - count / tallest)
  const label = stats.histogram.map((b) => `${points(b.from)} to ${points(b.to)}: ${b.count}`).join('; ')
  const bars: ElementContent[] = stats.histogram.flatMap((b, i) => {
    const x = left + i * barWidth
    const range = `${points(b.from)}–${points(b.to)}`
    return [
      s('rect', {className: ['bar'], x: x + 3, y: y(b.count), width: barWidth - 6, height: height - bottom - y(b.count), dataCount: String(b.count), dataFrom: String(b.from)}, [s('title', `${range}: ${b.count} essay${b.count === 1 ? '' : 's'}`)]),
      ...(b.count > 0 ? [s('text', {x: x + barWidth / 2, y: y(b.count) - 4, textAnchor: 'middle'}, String(b.count))] : []),
      s('text', {x: x + barWidth / 2, y: height - bottom + 16, textAnchor: 'middle'}, points(b.from))
    ]
  })
  return s('svg', {className: ['histogram'], viewBox: `0 0 ${width} ${height}`, role: 'img', ariaLabel: `Histogram of scores out of ${points(stats.outOf)}, essays per band: ${label}`}, [
    s('line', {className: ['axis'], x1: left, x2: width - 8, y1: height - bottom, y2: height - bottom}),
    ...bars,
    s('text', {x: (width + left) / 2, y: height - 4, textAnchor: 'middle'}, `score (out of ${points(stats.outOf)})`)
  ])
}

function heatmapTree(views: EssayView[], stats: ClassStats): Element {
  return h('div', {className: ['scroll']}, [
    h('table', {className: ['heatmap']}, [
      h('caption', {className: ['visually-hidden']}, 'Points per criterion for each essay; darker green is closer to full marks'),
      h('thead', h('tr', [h('th', {scope: 'col'}, 'Essay'), ...stats.criteria.map((c) => h('th', {scope: 'col'}, `${c.label} (${points(c.outOf)})`))])),
      h(
        'tbody',
        views.map((v, i) =>
          h('tr', [
            h('th', {scope: 'row'}, h('a', {href: `#${slug(i)}`, className: ['open-essay']}, v.path)),
            ...(v.grade?.criteria ?? []).map((c) => h('td', {className: ['cell', `heat-${band(c.score, c.max)}`], dataCriterion: c.id}, points(c.score)))
          ])
        )
      )
    ]),
    h('p', {className: ['legend'], ariaHidden: 'true'}, ['none', h('span', {className: ['swatch', 'heat-0']}), h('span', {className: ['swatch', 'heat-1']}), h('span', {className: ['swatch', 'heat-2']}), h('span', {className: ['swatch', 'heat-3']}), h('span', {className: ['swatch', 'heat-4']}), 'full marks'])
  ])
}

function tableTree(views: EssayView[], stats: ClassStats): Element {
  const ruleIds = [...new Set(views.flatMap((v) => v.messages.map((m) => m.ruleId)))].sort()
  const head = (text: string, key: string, numeric: boolean) => h('th', {scope: 'col', dataKey: key, dataNumeric: String(numeric)}, h('button', {type: 'button'}, text))
  return h('div', [
    h('p', {className: ['filter', 'no-print']}, [h('label', {htmlFor: 'essay-filter'}, 'Filter essays '), h('input', {id: 'essay-filter', type: 'search', placeholder: 'name or rule, e.g. unsupported', autocomplete: 'off'})]),
    h('div', {className: ['scroll']}, [
      h('table', {className: ['essays-table'], id: 'essays-table'}, [
        h('caption', {className: ['visually-hidden']}, 'Essays with their score, points per criterion and findings per rule; the column headers sort the table'),
        h('thead', h('tr', [head('Essay', 'path', false), head('Score', 'score', true), ...stats.criteria.map((c) => head(c.label, c.id, true)), ...ruleIds.map((id) => head(ruleLabel(id), `rule:${id}`, true))])),
        h(
          'tbody',
          views.map((v, i) => {
            const counts = Object.fromEntries(ruleIds.map((id) => [id, v.messages.filter((m) => m.ruleId === id).length]))
            const rules = ruleIds.filter((id) => counts[id] > 0).join(' ')
            return h('tr', {dataPath: v.path, dataRules: rules}, [
              h('th', {scope: 'row'}, h('a', {href: `#${slug(i)}`, className: ['open-essay']}, v.path)),
              h('td', {dataValue: String(v.grade?.score ?? 0), className: ['score-cell']}, points(v.grade?.score ?? 0)),
              ...(v.grade?.criteria ?? []).map((c) => h('td', {dataValue: String(c.score)}, points(c.score))),
              ...ruleIds.map((id) => h('td', {dataValue: String(counts[id])}, String(counts[id])))
            ])
          })
        )
      ])
    ])
  ])
}

/** Sorting by a column (click again to reverse), filtering by name or rule, and opening an essay from a link. */
export function installReport(doc: Document): void {
  const table = doc.getElementById('essays-table') as HTMLTableElement | null
  if (table) {
    const body = table.tBodies[0]
    for (const [column, th] of [...table.tHead!.rows[0].cells].entries()) {
      th.querySelector('button')!.addEventListener('click', () => {
        const numeric = th.dataset.numeric === 'true'
        const direction = th.getAttribute('aria-sort') === (numeric ? 'descending' : 'ascending') ? (numeric ? 'ascending' : 'descending') : numeric ? 'descending' : 'ascending'
        for (const other of table.tHead!.rows[0].cells) other.removeAttribute('aria-sort')
        th.setAttribute('aria-sort', direction)
        const value = (row: HTMLTableRowElement) => (column === 0 ? row.cells[0].textContent ?? '' : Number(row.cells[column].dataset.value))
        const rows = [...body.rows].sort((a, b) => {
          const [x, y] = [value(a), value(b)]
          const order = typeof x === 'number' ? x - (y as number) : x.localeCompare(y as string)
          return direction === 'ascending' ? order : -order
        })
        body.append(...rows)
      })
    }
    const filter = doc.getElementById('essay-filter') as HTMLInputElement | null
    filter?.addEventListener('input', () => {
      const words = filter.value.toLowerCase().trim().split(/\s+/).filter(Boolean)
      for (const row of body.rows) {
        const haystack = `${row.dataset.path} ${row.dataset.rules}`.toLowerCase()
        row.hidden = !words.every((w) => haystack.includes(w))
      }
    })
  }
  // A link to an essay opens its folded section before the browser scrolls to it.
  const open = () => {
    const target = doc.getElementById(decodeURIComponent(location.hash.slice(1)))
    const details = target?.querySelector('details') ?? target?.closest('details')
    if (details) details.open = true
    target?.scrollIntoView()
  }
  window.addEventListener('hashchange', open)
  if (location.hash) open()
}

export function gradeHtml(views: EssayView[]): string {
  const stats = classStats(views.map((v) => v.grade!))
  const essays = views.map((v, i) =>
    h('article', {className: ['essay-card'], id: slug(i), ariaLabel: v.path}, [
      h('details', [
        h('summary', [h('h3', v.path), ` — ${points(v.grade?.score ?? 0)} / ${points(v.grade?.max ?? stats.outOf)}, ${v.messages.length} finding${v.messages.length === 1 ? '' : 's'}`]),
        essayBodyTree(v, {idPrefix: slug(i), headingLevel: 3})
      ])
    ])
  )
  const empty = views.length === 0
  const page = h('html', {lang: 'en'}, [
    h('head', [
      h('meta', {charSet: 'utf-8'}),
      h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
      h('title', `Class report: ${stats.count} essay${stats.count === 1 ? '' : 's'} — essaylint`),
      h('style', styles + reportStyles)
    ]),
    h('body', [
      h('header', {className: ['site-header']}, [h('h1', 'Class report'), h('p', `${stats.count} essay${stats.count === 1 ? '' : 's'} graded by essaylint against the rubric (out of ${points(stats.outOf)}). Open an essay to see its findings in place.`)]),
      h('main', [
        h('section', {ariaLabelledBy: 'class-statistics'}, [h('h2', {id: 'class-statistics'}, 'Class statistics'), statsTree(stats), ...(empty ? [] : [histogramTree(stats)])]),
        ...(empty
          ? [h('p', 'No essays graded.')]
          : [
              h('section', {ariaLabelledBy: 'heatmap'}, [h('h2', {id: 'heatmap'}, 'Criteria by essay'), heatmapTree(views, stats)]),
              h('section', {ariaLabelledBy: 'essays'}, [h('h2', {id: 'essays'}, 'Essays'), tableTree(views, stats)]),
              h('section', {ariaLabelledBy: 'each-essay'}, [h('h2', {id: 'each-essay'}, 'Each essay'), ...essays])
            ])
      ]),
      // The scripts are this module's own functions, inlined as text: the file stays self-contained.
      h('script', `(${installTooltips.toString()})(document);(${installReport.toString()})(document);`)
    ])
  ])
  return '<!doctype html>\n' + toHtml(page) + '\n'
}
