import { Categories } from './Categories'
import { Media } from './Media'
import { News } from './News'
import { Quotes } from './Quotes'
import { RecruitmentCtas } from './RecruitmentCtas'
import { ReportLinks } from './ReportLinks'
import { Users } from './Users'

/** The content model, in the order the admin lists it. */
export const collections = [News, Quotes, ReportLinks, RecruitmentCtas, Media, Categories, Users]
