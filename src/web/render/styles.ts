/**
 * The pages' stylesheet: one for the playground and the class report, inlined
 * in both (no network). Light and dark mode through prefers-color-scheme;
 * every text colour meets WCAG AA (4.5:1) on its background in both, which the
 * browser test checks with axe-core. Print: one column, no tooltip, no
 * controls, the marks kept as underlines with their numbers.
 */

const hues = {
  // [tint behind the text, strong colour for lines and badges] — light, then dark.
  light: [
    ['#fde5ae', '#8f4a00'],
    ['#ecdffb', '#6a32b0'],
    ['#d5e7fb', '#1b5aa6'],
    ['#ccefe6', '#0b6a62'],
    ['#fbd9e2', '#ad1747'],
    ['#dcf1cf', '#37701a'],
    ['#f7dccb', '#94420f'],
    ['#e3e7ed', '#475263']
  ],
  dark: [
    ['#4d3610', '#f3bd6b'],
    ['#3b2a55', '#c9a8f5'],
    ['#1d3a5c', '#8ec0f7'],
    ['#123f3a', '#6fd6c6'],
    ['#521f30', '#f59ab6'],
    ['#264019', '#a3d982'],
    ['#4c2a16', '#f2ae84'],
    ['#2e343d', '#c2cad6']
  ]
}

const hueVariables = (mode: 'light' | 'dark') => hues[mode].map(([tint, strong], i) => `--hue-${i}-tint:${tint};--hue-${i}-strong:${strong};`).join('')
const hueClasses = hues.light.map((_, i) => `.hue-${i}{--tint:var(--hue-${i}-tint);--strong:var(--hue-${i}-strong)}`).join('\n')

export const styles = `
:root{color-scheme:light dark;--bg:#fbfaf6;--panel:#ffffff;--text:#1f2328;--muted:#555d68;--line:#d8d5cc;--accent:#1b5aa6;--accent-text:#ffffff;
--poor:#b3261e;--fair:#9a6a00;--good:#2f7d32;--band-0:#f6c6c0;--band-1:#f8d9b0;--band-2:#f4ecb0;--band-3:#cfe8c0;--band-4:#a9d8b0;${hueVariables('light')}
font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;line-height:1.5}
@media (prefers-color-scheme:dark){:root{--bg:#14161b;--panel:#1c1f26;--text:#e7e8ea;--muted:#a9b0bb;--line:#394050;--accent:#8ec0f7;--accent-text:#0c1320;
--poor:#ff8a80;--fair:#e0b341;--good:#7cc97f;--band-0:#5c2420;--band-1:#5a3a14;--band-2:#4d4714;--band-3:#25472a;--band-4:#1d5a34;${hueVariables('dark')}}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text)}
a{color:var(--accent)}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{padding:1rem 1.5rem;border-bottom:1px solid var(--line);background:var(--panel)}
.site-header h1{margin:0;font-size:1.4rem}
.site-header p{margin:.25rem 0 0;color:var(--muted)}
main{padding:1rem 1.5rem;max-width:92rem;margin:0 auto}
section,article{margin:0 0 1.5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
h3{font-size:1.05rem;margin:1rem 0 .4rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:.6rem;padding:1rem 1.25rem}
${hueClasses}
.essay{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.25rem;align-items:start}
@media (max-width:60rem){.essay{grid-template-columns:1fr}}
.essay-text{font-family:Charter,"Iowan Old Style",Georgia,"DejaVu Serif",serif;font-size:1.06rem;line-height:1.75;max-width:46rem}
.essay-text p,.essay-text .essay-heading{white-space:pre-wrap;margin:0 0 1rem}
.essay-heading{font-family:system-ui,sans-serif;font-size:1.1rem}
.essay-text>.essay-heading:first-child{font-size:1.3rem}
mark.finding{background:var(--tint);color:inherit;border-bottom:2px solid var(--strong);border-radius:.2rem;padding:0 .05rem;cursor:help}
mark.finding.severity-error{border-bottom-width:3px;font-weight:600}
mark.finding.severity-info{border-bottom-style:dotted;background:transparent}
mark.finding mark.finding{border-bottom-width:3px}
mark.finding:hover,mark.finding.active{box-shadow:0 0 0 2px var(--strong)}
.finding-number,.finding-badge{display:inline-block;min-width:1.35em;padding:0 .3em;margin-left:.15em;border-radius:1em;background:var(--strong);color:var(--bg);font:700 .72rem/1.5 system-ui,sans-serif;text-align:center;vertical-align:.15em}
.findings{list-style:none;padding:0;margin:0;display:grid;gap:.6rem}
.finding-item{border-left:4px solid var(--strong);background:var(--panel);padding:.5rem .8rem;border-radius:.3rem}
.finding-item p{margin:.15rem 0}
.finding-head{font-weight:600}
.finding-link{color:var(--text);text-decoration:none}
.finding-link .finding-badge{margin:0 .3em 0 0}
.finding-line,.finding-note,.outline-line,.coverage-where,.score-max{color:var(--muted)}
.finding-note{font-size:.92rem}
.tooltip{position:absolute;z-index:10;max-width:26rem;background:var(--panel);color:var(--text);border:1px solid var(--line);border-left:4px solid var(--strong);border-radius:.4rem;padding:.5rem .75rem;box-shadow:0 6px 24px rgba(0,0,0,.25);font-size:.92rem}
.tooltip[hidden]{display:none}
.tooltip p{margin:.2rem 0}
.essay-side{display:grid;gap:1rem}
.essay-side h3{margin-top:0}
.score-total{margin:0 0 .5rem;font-size:1.1rem}
.score-value{font-size:2.2rem;font-weight:700}
.criteria,.criterion-evidence,.coverage,.claims,.support{list-style:none;padding:0;margin:0}
.criterion{margin:0 0 .7rem}
.criterion-head{display:flex;justify-content:space-between;margin:0;font-weight:600}
.criterion-bar{display:block;height:.5rem;border-radius:.25rem;background:var(--line);overflow:hidden;margin:.2rem 0}
.criterion-fill{display:block;height:100%;background:var(--good)}
.criterion-fill.band-0,.criterion-fill.band-1{background:var(--poor)}
.criterion-fill.band-2{background:var(--fair)}
.criterion-evidence{font-size:.85rem;color:var(--muted)}
.coverage-row{display:grid;grid-template-columns:8.5rem 4.6rem auto;gap:.2rem .5rem;align-items:center;margin:.3rem 0}
.coverage-meter{display:flex;gap:3px}
.coverage-step{display:block;width:2.2rem;height:.8rem;border-radius:.2rem;border:1px solid var(--muted)}
.coverage-step.filled{background:var(--accent);border-color:var(--accent)}
.coverage-status{font-weight:600}
.coverage-where{grid-column:2/4;font-size:.82rem}
.outline{font-size:.93rem}
.outline-paragraphs{padding-left:1.2rem;margin:.3rem 0}
.outline summary{cursor:pointer;font-weight:600}
.claims{margin:.3rem 0 .6rem .2rem}
.claim{margin:.3rem 0}
.claim-link{color:inherit;text-decoration:underline dotted}
.claim-mark{font-weight:700;margin-right:.35rem}
.claim-supported .claim-mark{color:#2c6e1a}
.claim-unsupported .claim-mark{color:#b3261e}
@media (prefers-color-scheme:dark){.claim-supported .claim-mark{color:#8fd46b}.claim-unsupported .claim-mark{color:#ff9c94}}
.support{margin-left:1.4rem;font-size:.85rem;color:var(--muted)}
.support-kind{font-weight:600}
.thesis-missing{color:var(--muted)}
@media print{
  :root{--bg:#fff;--panel:#fff;--text:#000;--muted:#333;color-scheme:light}
  .site-header,.essay{border:0}
  .essay{display:block}
  .no-print,.tooltip,.controls{display:none!important}
  mark.finding{background:transparent}
  details>summary{list-style:none}
  article.essay-card{break-before:page}
  a{color:inherit;text-decoration:none}
}
`
