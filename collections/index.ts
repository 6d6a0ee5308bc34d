import { AuditLog } from './AuditLog'
import { Categories } from './Categories'
import { EmbargoLifts } from './EmbargoLifts'
import { Media } from './Media'
import { News } from './News'
import { PreviewLinks } from './PreviewLinks'
import { Quotes } from './Quotes'
import { RecruitmentCtas } from './RecruitmentCtas'
import { Redirects } from './Redirects'
import { ReportLinks } from './ReportLinks'
import { Users } from './Users'

/** The content model, in the order the admin lists it. */
export const collections = [News, PreviewLinks, Quotes, ReportLinks, RecruitmentCtas, Media, Categories, Redirects, AuditLog, Users, EmbargoLifts]
