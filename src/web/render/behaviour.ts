/**
 * The tooltip of the highlights: on hover and on keyboard focus, the finding's
 * entry (message and note) appears beside its mark; Escape hides it, and it
 * stays while the pointer is over it (WCAG 1.4.13). Self-contained on
 * purpose: the class report inlines it as text (`installTooltips.toString()`),
 * the playground calls it.
 */

export function installTooltips(doc: Document): void {
  const tip = doc.createElement('div')
  tip.className = 'tooltip'
  tip.setAttribute('role', 'tooltip')
  tip.id = 'essaylint-tooltip'
  tip.hidden = true
  // Inside the main landmark, where what it repeats comes from.
  ;(doc.querySelector('main') ?? doc.body).append(tip)
  let current: HTMLElement | undefined
  // A tooltip opened by the keyboard stays until focus moves; one opened by the pointer, until it leaves.
  let byPointer = false
  const hide = () => {
    tip.hidden = true
    current?.classList.remove('active')
    current = undefined
  }
  const show = (mark: HTMLElement) => {
    const article = mark.closest('[data-essay]')
    const entry = article?.querySelector<HTMLElement>(`#${article.getAttribute('data-essay')}-f${mark.dataset.finding}`)
    if (!entry) return
    current?.classList.remove('active')
    current = mark
    mark.classList.add('active')
    tip.className = `tooltip ${[...entry.classList].filter((c) => c.startsWith('hue-')).join(' ')}`
    tip.innerHTML = entry.innerHTML
    tip.hidden = false
    const box = mark.getBoundingClientRect()
    const view = doc.documentElement
    const left = Math.max(8, Math.min(box.left + window.scrollX, view.clientWidth + window.scrollX - tip.offsetWidth - 8))
    tip.style.left = `${left}px`
    tip.style.top = `${box.bottom + window.scrollY + 6}px`
  }
  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('mark.finding') : null)
  doc.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target)
    if (mark) {
      show(mark)
      byPointer = true
    } else if (byPointer && !(event.target instanceof Node && tip.contains(event.target))) hide()
  })
  doc.addEventListener('focusin', (event) => {
    const mark = markOf(event.target)
    if (mark) {
      show(mark)
      byPointer = false
    } else hide()
  })
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide()
  })
}
