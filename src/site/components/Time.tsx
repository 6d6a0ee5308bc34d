import { forceTime, isoWithUkOffset } from '../../fields/ukTime'

/** A moment as UK force sites print it ("12:45 19/06/2023"), machine-readable with its offset. */
export const Time = ({ iso }: { iso: string }) => (
  <time dateTime={isoWithUkOffset(iso)}>{forceTime(iso)}</time>
)

/** When a release went out, labelled: bare digits read aloud do not say what they are. */
export const Published = ({ iso }: { iso: string }) => (
  <>
    Published <Time iso={iso} />
  </>
)
