/**
 * Hostile text planted in every field an editor can fill, for the tests that check none of
 * it becomes markup, script or a dangerous link on a public page (test/site/hostile.test.ts
 * reads the HTML; e2e/hostile.spec.ts runs it in a browser).
 */
import type { Api } from './api'
import { imageForm, jpeg } from './images'
import { publishRelease, transition } from './releases'

export const X = {
  script: `<script>alert("xss-script")</script>`,
  attribute: `"><img src=x onerror=alert("xss-attr")>`,
  single: `'><svg onload=alert('xss-svg')>`,
  title: `</title><script>alert("xss-title")</script>`,
  closeScript: `</script><script>alert("xss-close")</script><!--`,
  template: '{{constructor.constructor("alert(1)")()}}',
  ampersand: 'Fish & chips <b>bold</b> &amp; more',
}
export const all = Object.values(X).join(' ')

export const HOSTILE_HREFS = [
  'javascript:alert("xss-href")',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
]

/** A safe scheme, with markup in its query: kept as a link, escaped. */
export const SAFE_HREF_WITH_MARKUP = 'https://example.gov.uk/?q="><script>alert(1)</script>'

export type Planted = {
  releaseId: number
  releaseSlug: string
  categorySlug: string
  mediaId: number
  settingsBefore: Record<string, unknown>
}

/** A published release, amended, using hostile text everywhere, and site settings full of it. Needs an admin. */
export const plantHostileContent = async (admin: Api): Promise<Planted> => {
  const ok = (response: { status: number; body: any }, what: string) => {
    if (response.status >= 300)
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`)
    return response.body.doc ?? response.body.result ?? response.body
  }

  const category = ok(
    await admin.post('/api/categories', { name: `Topic ${X.attribute}` }),
    'category',
  )
  const media = ok(
    await admin.upload(
      '/api/media',
      imageForm(await jpeg(1600, 900), 'hostile.jpg', 'image/jpeg', {
        alt: `Alt ${X.attribute} ${X.script}`,
        credit: `Credit ${X.single}`,
      }),
    ),
    'media',
  )
  const quote = ok(
    await admin.post('/api/quotes', {
      speakerName: `Name ${X.script}`,
      speakerRole: `Role ${X.attribute}`,
      organisation: `Org ${X.single}`,
      text: `First ${X.closeScript}\n\nSecond ${X.template} ${X.ampersand}`,
      context: X.script,
    }),
    'quote',
  )
  const report = ok(
    await admin.post('/api/report-links', {
      title: `Report ${X.title}`,
      publisher: `Publisher ${X.attribute}`,
      url: 'https://example.gov.uk/report?a="><script>alert(1)</script>',
      summary: `Summary ${X.script}`,
      findings: [{ area: `Area ${X.single}`, grade: 'Good' }],
    }),
    'report',
  )
  const cta = ok(
    await admin.post('/api/recruitment-ctas', {
      heading: `Join ${X.script}`,
      body: `Body ${X.attribute}`,
      linkLabel: `Apply ${X.single}`,
      linkUrl: 'https://careers.example.police.uk/?q="><script>alert(1)</script>',
      audience: ['police-officer'],
    }),
    'cta',
  )
  const body = [
    { type: 'h2', children: [{ text: `Heading ${X.script}` }] },
    { children: [{ text: `Paragraph ${all}`, bold: true }] },
    {
      children: [
        { text: 'See ' },
        {
          type: 'link',
          linkType: 'custom',
          url: SAFE_HREF_WITH_MARKUP,
          children: [{ text: `link ${X.attribute}` }],
        },
      ],
    },
    { type: 'ul', children: [{ type: 'li', children: [{ text: X.closeScript }] }] },
  ]
  const release = await publishRelease(admin, {
    title: `Title ${X.title} ${X.attribute}`,
    summary: `Summary ${X.closeScript} ${X.single}`,
    body,
    heroImage: media.id,
    quotes: [quote.id],
    reportLinks: [report.id],
    recruitmentCta: cta.id,
    category: category.id,
    meta: { title: `Meta ${X.title}`, description: `Description ${X.attribute}` },
  })
  // A major change, whose note is shown on the page.
  ok(
    await admin.patch(`/api/news/${release.id}?draft=true`, {
      summary: `Summary ${X.closeScript} ${X.single} (changed)`,
    }),
    'draft change',
  )
  ok(
    await transition(admin, release.id, 'amend', { change: 'major', note: `Note ${X.script}` }),
    'amend',
  )
  const settingsBefore = ok(await admin.get('/api/globals/site-settings?depth=0'), 'settings')
  ok(
    await admin.post('/api/globals/site-settings', {
      forceName: `Force ${X.title}`,
      betaBanner: {
        enabled: true,
        text: `Beta ${X.script}`,
        feedbackUrl: 'https://example.police.uk/feedback?x="><script>alert(1)</script>',
      },
      quickExit: { label: `Go ${X.single}`.slice(0, 40), url: 'https://www.bbc.co.uk/weather' },
      footerLinks: [
        { label: `Footer ${X.script}`, url: '/accessibility"onmouseover="alert(1)' },
        { label: 'Safe', url: 'https://www.police.uk/' },
      ],
    }),
    'settings',
  )
  return {
    releaseId: release.id,
    releaseSlug: release.slug,
    categorySlug: category.slug,
    mediaId: media.id,
    settingsBefore,
  }
}
