// Accessibility and layout checks on the page a browser test has open: axe-core (WCAG 2.1 A and
// AA rules) run inside the page, and the elements wider than the viewport.
import { createRequire } from 'node:module'
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | undefined
/** axe-core's own script, read once: it runs in the page, not in Node. */
const source = (): Promise<string> => (axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8'))

/** The WCAG 2.0 and 2.1 rules at levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; html: string; failureSummary?: string }[]
}

/**
 * Runs axe on the current page; the violations, one readable line per element:
 * `rule (impact): help — selector — <html…>`. `exclude`: selectors of elements outside the app's
 * reach (each call site says why); none today.
 */
export async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await source())
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe
      const context = exclude.length > 0 ? { exclude: exclude.map((s) => [s]) } : document
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })) }))
    },
    { tags: WCAG_21_AA, exclude },
  )
  return violations.flatMap((v) =>
    v.nodes.map((n) => {
      const html = n.html.replace(/\s+/g, ' ').slice(0, 140)
      const why = (n.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: ?/, '').slice(0, 160)
      return `${v.id} (${v.impact ?? '?'}): ${v.help} — ${n.target.map(String).join(' > ')} — ${html}${why ? ` — ${why}` : ''}`
    }),
  )
}

/**
 * What overflows the viewport sideways: the document's own scrollWidth beyond the viewport, and
 * every visible element whose box runs past the viewport's edges. An element inside a container
 * that scrolls sideways on purpose (overflow-x auto or scroll, itself within the viewport) is fine.
 */
export function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const out: string[] = []
    const scrollWidth = document.documentElement.scrollWidth
    if (scrollWidth > width) out.push(`document scrollWidth ${scrollWidth} > ${width}`)
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : ''
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      return `${el.tagName.toLowerCase()}${id}${cls}`
    }
    const fits = (r: DOMRect): boolean => r.left >= -0.5 && r.right <= width + 0.5
    const inScroller = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const o = getComputedStyle(a).overflowX
        if (o === 'auto' || o === 'scroll') return fits(a.getBoundingClientRect())
        // A clipping ancestor that fits hides the rest (an ellipsis, a visually hidden label).
        if ((o === 'hidden' || o === 'clip') && fits(a.getBoundingClientRect())) return true
      }
      return false
    }
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || fits(r)) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden' || style.display === 'none') continue
      if (inScroller(el)) continue
      // Report the outermost offender only: its children overflow with it.
      const parent = el.parentElement
      if (parent && parent !== document.body && !fits(parent.getBoundingClientRect()) && !inScroller(parent)) continue
      out.push(`${describe(el)} ${Math.round(r.left)}…${Math.round(r.right)} px (“${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}”)`)
    }
    return out
  })
}
