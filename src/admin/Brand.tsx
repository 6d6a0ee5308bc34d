import type { Payload } from 'payload'

import type { Media } from '../payload-types'

type Props = { payload: Payload }

/** The force's name and logo (a picture from the library, or Newsroom's own mark), from the site settings. */
const brand = async (payload: Payload) => {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 1 })
  const logo = settings.logo && typeof settings.logo === 'object' ? (settings.logo as Media) : null
  // Root-relative, so that the admin opened at another address of the same server still shows it.
  const logoUrl = logo?.url ? new URL(logo.url, 'http://newsroom.invalid').pathname : '/favicon.svg'
  return { forceName: settings.forceName, logoUrl }
}

/** On the sign-in page: the force's logo, "Newsroom" and the force's name. */
export const BrandLogo = async ({ payload }: Props) => {
  const { forceName, logoUrl } = await brand(payload)
  return (
    <div className="newsroom-brand">
      <img className="newsroom-brand__logo" src={logoUrl} alt="" />
      <span className="newsroom-brand__words">
        <span className="newsroom-brand__name">Newsroom</span>
        <span className="newsroom-brand__force">{forceName}</span>
      </span>
    </div>
  )
}

/** In the header, the link back to the press desk. */
export const BrandIcon = async ({ payload }: Props) => {
  const { forceName, logoUrl } = await brand(payload)
  return <img className="newsroom-brand__icon" src={logoUrl} alt={`Newsroom, ${forceName}`} />
}
