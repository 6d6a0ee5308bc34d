import type { SiteSetting } from '../../../payload-types'
import { DEFAULT_QUICK_EXIT_URL } from '../../../globals/SiteSettings'
import { safeHref } from '../../../richtext/slate'

/*
 * The quick exit's markup. It works alone: the button is a plain link to somewhere neutral.
 * quick-exit.js (served as /quick-exit.js on every page) makes it leave at once, adds Escape
 * and Shift three times, and shows the hint; quick-exit.css styles it. See README.md here.
 */

/** The button alone stays in view (a hint beside it would fill a small screen), and only the script shows the hint. */
export const QuickExit = ({ settings }: { settings: SiteSetting }) => {
  const href = safeHref(settings.quickExit?.url) ?? DEFAULT_QUICK_EXIT_URL
  return (
    <section className="quick-exit" aria-label="Quick exit">
      <div className="container quick-exit__inner">
        <a className="quick-exit__button" href={href} rel="noreferrer noopener" data-quick-exit>
          {settings.quickExit?.label || 'Leave this site'}
        </a>
        <p className="visually-hidden" aria-live="polite" data-quick-exit-status></p>
      </div>
    </section>
  )
}

/** The keys that leave at once, named only where they work: with the script, on a device with a keyboard. */
export const QuickExitHint = () => (
  <div className="quick-exit__hint" hidden data-quick-exit-hint>
    <p className="container">To leave this site at once, press Escape, or press Shift 3 times.</p>
  </div>
)
