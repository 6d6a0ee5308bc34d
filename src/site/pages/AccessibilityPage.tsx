import type { SiteSetting } from '../../payload-types'
import { safeHref } from '../../richtext/slate'
import type { PageModule } from '../page'

/** Change these when the statement is reviewed: the regulations ask for both dates. */
const PREPARED = '2 December 2026'
const REVIEWED = '2 December 2026'
const TESTED = '2 December 2026'

/**
 * The accessibility statement for the news site, with what the Public Sector Bodies (Websites
 * and Mobile Applications) (No. 2) Accessibility Regulations 2018 ask a statement to say. The
 * feedback address is linked whether or not the beta banner shows it.
 */
export const AccessibilityPage = ({
  forceName,
  feedbackUrl,
}: {
  forceName: string
  feedbackUrl?: string | null
}) => {
  const feedback = safeHref(feedbackUrl)
  return (
    <>
      <h1>Accessibility statement</h1>
      <p>
        This statement covers the {forceName} news website. It is run by {forceName}. We want as
        many people as possible to be able to use it. You should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole website using just a keyboard</li>
        <li>use the website with JavaScript switched off</li>
        <li>listen to the website using a screen reader</li>
      </ul>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device
        easier to use if you have a disability.
      </p>

      <h2>Leaving this site quickly</h2>
      <p>
        Every page has a “Leave this site” button at the top, which stays in view as you scroll. It
        takes you at once to an everyday website, such as the BBC weather page.
      </p>
      <p>
        With JavaScript on, you can also press the Escape key, or press the Shift key 3 times (each
        press within 5 seconds of the last). The page is covered straight away while the other site
        loads. The pages you visit on this site share a single place in your browser’s history, so
        after you leave, pressing Back takes you to where you were before you came to this site, not
        to any page of it. This is also why Back does not take you from one page of this site to the
        one before: use the links on the page instead. Sending a form is the exception: after you
        subscribe to e-mail alerts, or change or confirm them, the page that answers takes a place
        of its own in the history, so Back after leaving from it brings back the alerts page.
      </p>
      <p>
        Without JavaScript, the button still works, but the keys do nothing, and every page of this
        site you visited stays in your browser’s history: pressing the Back button after leaving
        brings back the last page you were on here, and the pages before it.
      </p>
      <p>
        Either way, your browser’s history list still records the pages you visited. To remove them,
        delete them from your browser’s history, or use a private (incognito) window.
      </p>

      <h2>Feedback and contact information</h2>
      <p>
        If you find a problem with this website, or need information from it in a different format
        such as large print, easy read or audio, please contact us:
      </p>
      <ul>
        {feedback ? (
          <li>
            <a href={feedback}>Tell us about an accessibility problem</a>
          </li>
        ) : null}
        <li>call 101, the police non-emergency number</li>
        <li>
          if you are deaf, hard of hearing or speech-impaired, use Relay UK: textphone 18001 101
        </li>
      </ul>
      <p>In an emergency, call 999.</p>

      <h2>Enforcement procedure</h2>
      <p>
        The{' '}
        <a href="https://www.equalityhumanrights.com/">
          Equality and Human Rights Commission (EHRC)
        </a>{' '}
        is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications)
        (No. 2) Accessibility Regulations 2018 (the “accessibility regulations”) in England,
        Scotland and Wales. If you are not happy with how we respond to your complaint, contact the{' '}
        <a href="https://www.equalityadvisoryservice.com/">
          Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
      <p>
        In Northern Ireland, the{' '}
        <a href="https://www.equalityni.org/">Equality Commission for Northern Ireland (ECNI)</a> is
        responsible for enforcing the accessibility regulations. If you are in Northern Ireland and
        not happy with how we respond to your complaint, contact the ECNI.
      </p>

      <h2>Technical information about this website’s accessibility</h2>
      <p>
        {forceName} is committed to making its website accessible, in accordance with the
        accessibility regulations.
      </p>

      <h2>Compliance status</h2>
      <p>
        This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA
        standard, as far as the testing described below can tell.
      </p>

      <h2>Non-accessible content</h2>
      <p>
        We know of no content on this website that fails the standard. If you find some, please tell
        us: we will treat it as a fault and fix it.
      </p>
      <p>
        Documents on other organisations’ websites that our news links to, such as inspection
        reports, are not covered by this statement. The organisation that publishes each one is
        responsible for it.
      </p>

      <h2>How we tested this website</h2>
      <p>
        This website was last tested on {TESTED}, by the people who build it. Every change is tested
        before it is released:
      </p>
      <ul>
        <li>
          the home page, a release, a category, search results, an empty search, this statement and
          the “page not found” page are checked against WCAG 2.2 AA with the axe automated
          accessibility checker
        </li>
        <li>
          browser tests use the keyboard alone, a screen 320 pixels wide (as at 400% zoom), the WCAG
          text spacing, forced colours (such as Windows high contrast) and JavaScript switched off
        </li>
        <li>
          the quick exit is tested with the keyboard, with its button and on a phone-sized touch
          screen
        </li>
      </ul>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on {PREPARED}. It was last reviewed on {REVIEWED}.
      </p>
    </>
  )
}

/** /accessibility: the statement. */
export const accessibilityPage: PageModule<{ settings: SiteSetting }> = {
  path: '/accessibility',
  load: async (_req, { content }) => ({ settings: await content.settings() }),
  metadata: () => ({ title: 'Accessibility statement', canonicalPath: '/accessibility' }),
  Component: ({ settings }) => (
    <AccessibilityPage
      forceName={settings.forceName}
      feedbackUrl={settings.betaBanner?.feedbackUrl}
    />
  ),
}
