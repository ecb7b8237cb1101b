/** The playground's own layout, on top of the shared stylesheet (../render/styles.ts). */

export const playgroundStyles = `
.workbench{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.25rem;align-items:start;margin-bottom:1.5rem}
@media (max-width:60rem){.workbench{grid-template-columns:1fr}}
.editor h2,.settings h2{margin-top:0}
.editor.dropping{outline:3px dashed var(--accent);outline-offset:4px}
.field-label{display:block;margin:0 0 .4rem;color:var(--muted)}
textarea{width:100%;min-height:16rem;resize:vertical;font:1rem/1.6 Charter,Georgia,"DejaVu Serif",serif;padding:.75rem;border:1px solid var(--muted);border-radius:.4rem;background:var(--bg);color:var(--text)}
.controls{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.7rem 0}
select,.button{font:inherit;padding:.35rem .7rem;border:1px solid var(--muted);border-radius:.4rem;background:var(--panel);color:var(--text)}
.button{cursor:pointer}
.button:hover{border-color:var(--accent)}
.file-button:focus-within{outline:3px solid var(--accent);outline-offset:2px}
#status{margin:.3rem 0 0;color:var(--muted)}
fieldset{border:1px solid var(--line);border-radius:.4rem;margin:0 0 .8rem;padding:.4rem .8rem .6rem}
legend{font-weight:600;padding:0 .3rem}
.setting{display:flex;justify-content:space-between;align-items:center;margin:.3rem 0;gap:.5rem}
.setting label{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.88rem}
.check{display:block;margin:.2rem 0}
.settings h3{font-size:.95rem;margin:.6rem 0 .3rem}
pre{background:var(--bg);border:1px solid var(--line);border-radius:.4rem;padding:.6rem;overflow:auto;font-size:.82rem;margin:0}
@media print{.workbench{display:none}}
`
