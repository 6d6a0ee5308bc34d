/** The accessibility statement for the news site. */
export const AccessibilityPage = ({ forceName }: { forceName: string }) => (
  <>
    <h1>Accessibility statement</h1>
    <p>
      This statement covers the {forceName} news website. We want as many people as possible to be able to use it. You
      should be able to:
    </p>
    <ul>
      <li>change colours, contrast levels and fonts using your browser or device settings</li>
      <li>zoom in up to 400% without the text spilling off the screen</li>
      <li>navigate the whole website using just a keyboard</li>
      <li>use the website with JavaScript switched off</li>
      <li>listen to the website using a screen reader</li>
    </ul>
    <h2>Leaving this site quickly</h2>
    <p>
      Every page has a “Leave this site” button at the top. It takes you to the BBC weather page (or another everyday
      site). With JavaScript on, pressing the Escape key, or pressing the Shift key three times within five seconds, does
      the same, hides this page at once and replaces it in your browser’s history, so that pressing Back does not bring
      it back. It does not delete your browsing history: to do that, use your browser’s settings or a private window.
    </p>
    <h2>How accessible this website is</h2>
    <p>
      The website aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to the AA standard. Every
      page is checked with automated accessibility tests before each change is released.
    </p>
    <h2>Feedback and contact information</h2>
    <p>
      If you find a problem with this website, or need information in a different format such as large print, easy
      read or audio, please contact us using the feedback link at the top of the page, or call 101. If it is an
      emergency, call 999.
    </p>
    <h2>Enforcement procedure</h2>
    <p>
      The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and
      Mobile Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your
      complaint, contact the{' '}
      <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
    </p>
  </>
)
