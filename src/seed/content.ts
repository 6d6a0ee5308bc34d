/**
 * Demo content for Northmoor Police, a force that does not exist. The releases are written
 * for Newsroom, in the manner of real UK force news: an inspection story with attributed
 * quotes and a report link, appeals, a court result, community and recruitment news, one
 * release under embargo and one draft; one of each kind of police release (an appeal for
 * information, a wanted man, a court result with a custody image, and a missing person already
 * found); and the press office's media lists, of made-up journalists at made-up outlets, at
 * example.* addresses that reach nobody. Every person named is made up.
 */
import { FOUND_NOTICE, FOUND_TITLE } from '../releases/kinds'
import { bold, h2, link, p, ul, type SlateElement } from './slate'

export const FORCE_NAME = 'Northmoor Police'

export type Palette = readonly [string, string, string]

export const demoImages = {
  headquarters: {
    alt: 'The glass front of Northmoor Police headquarters at dusk, with lights on in the offices',
    credit: 'Northmoor Police',
    palette: ['#0b2545', '#13315c', '#8da9c4'],
  },
  roadside: {
    alt: 'A police car parked on the verge of a rural A road, its blue lights on',
    credit: 'Northmoor Police',
    palette: ['#1d3557', '#457b9d', '#f1faee'],
  },
  court: {
    alt: 'The stone steps and columns of Northmoor Crown Court',
    credit: 'Northmoor Police',
    palette: ['#3d405b', '#81b29a', '#f4f1de'],
  },
  community: {
    alt: 'Two officers talking with residents at a table in a village hall',
    credit: 'Northmoor Police',
    palette: ['#264653', '#2a9d8f', '#e9c46a'],
  },
  specials: {
    alt: 'A special constable in uniform on foot patrol in a town centre',
    credit: 'Northmoor Police',
    palette: ['#003049', '#669bbc', '#fdf0d5'],
  },
  station: {
    alt: 'The front counter of a police station, with leaflets on a stand',
    credit: 'Northmoor Police',
    palette: ['#22223b', '#4a4e69', '#c9ada7'],
  },
  annualReport: {
    alt: 'A bar chart printed on the cover of a report, on a desk beside a notebook',
    credit: 'Northmoor Police',
    palette: ['#2b2d42', '#8d99ae', '#edf2f4'],
  },
  drinkDrive: {
    alt: 'A breath-test kit on the bonnet of a car at a roadside check at night',
    credit: 'Northmoor Police',
    palette: ['#370617', '#9d0208', '#ffba08'],
  },
  // Pictures of people, for the wanted appeal and the court result: drawn silhouettes of nobody.
  wantedMan: {
    alt: 'Dean Marsh, head and shoulders (in this demo, a drawn silhouette)',
    credit: 'Northmoor Police',
    palette: ['#1b263b', '#778da9', '#e0e1dd'],
    portrait: true,
  },
  custody: {
    alt: 'Custody image of Kieran Doyle (in this demo, a drawn silhouette)',
    credit: 'Northmoor Police',
    palette: ['#2f3e46', '#84a98c', '#cad2c5'],
    portrait: true,
  },
} as const satisfies Record<
  string,
  { alt: string; credit: string; palette: Palette; portrait?: boolean }
>

export type ImageKey = keyof typeof demoImages

export const demoCategories = [
  { name: 'Appeals', slug: 'appeals' },
  { name: 'Court results', slug: 'court-results' },
  { name: 'Community', slug: 'community' },
  { name: 'Inspections and reports', slug: 'inspections-and-reports' },
  { name: 'Recruitment', slug: 'recruitment' },
  { name: 'Roads', slug: 'roads' },
] as const

export type CategorySlug = (typeof demoCategories)[number]['slug']

/** Readers who asked for news by e-mail (at addresses nobody can receive at: .test is reserved). */
export const demoSubscribers: {
  email: string
  allNews: boolean
  categories: CategorySlug[]
  frequency: 'immediately' | 'daily'
}[] = [
  { email: 'resident@eastfield.test', allNews: true, categories: [], frequency: 'immediately' },
  {
    email: 'roads.watcher@northmoor.test',
    allNews: false,
    categories: ['roads', 'appeals'],
    frequency: 'daily',
  },
]

export const demoQuotes = {
  dccVetting: {
    speakerName: 'Helen Okafor',
    speakerRole: 'Deputy Chief Constable',
    organisation: FORCE_NAME,
    text: 'People in Northmoor have every right to expect that the officers and staff who serve them are honest, and that we act quickly when someone falls short.\n\nThis report shows our vetting is thorough and fair. Over the last year we turned down more than a hundred applicants who did not meet the standard we set, and we check our existing workforce again at regular intervals.\n\nThe inspectors were also clear that our counter-corruption team needs to grow, and we agree. That work started before they arrived, and the new team is already in post.',
    context: 'Approved by the DCC’s staff officer for the HMICFRS vetting report release.',
  },
  inspector: {
    speakerName: 'Martin Cole',
    speakerRole: 'HM Inspector of Constabulary',
    organisation: 'HMICFRS',
    text: 'Northmoor Police has a well-run vetting unit that makes sound, consistent decisions. The force should now make sure its counter-corruption unit has the people it needs to act on intelligence as well as respond to it.',
    context: 'Taken from the HMICFRS report summary, with HMICFRS press office agreement.',
  },
  sergeantCollision: {
    speakerName: 'Priya Shah',
    speakerRole: 'Sergeant, Roads Policing Unit',
    organisation: FORCE_NAME,
    text: 'Our thoughts are with the family of the motorcyclist, who are being supported by specially trained officers.\n\nWe know the road was busy at that time of the evening, and we would like to hear from anyone who saw either vehicle before the collision, or who has dashcam footage from the stretch between Brackley Cross and the Fenwick roundabout.',
    context: 'Agreed with the senior investigating officer on the night.',
  },
  detectiveBurglary: {
    speakerName: 'Tom Whitfield',
    speakerRole: 'Detective Constable',
    organisation: FORCE_NAME,
    text: 'Having your home broken into leaves people feeling unsafe in the one place they should feel safest. Several of the victims told us they had stopped sleeping properly.\n\nI hope today’s sentence gives them some reassurance, and shows that we will follow the evidence wherever it leads.',
    context: 'Given outside court after sentencing.',
  },
  inspectorCommunity: {
    speakerName: 'Grace Adeyemi',
    speakerRole: 'Inspector, Eastfield Neighbourhood Team',
    organisation: FORCE_NAME,
    text: 'Fraudsters are patient and persuasive, and anyone can be caught out. These sessions are relaxed and practical: bring your phone or tablet and we will help you set it up safely.',
    context: 'For the cyber-safety sessions release.',
  },
  specialsChief: {
    speakerName: 'Daniel Brooks',
    speakerRole: 'Chief Officer, Special Constabulary',
    organisation: FORCE_NAME,
    text: 'Our special constables come from every walk of life: nurses, shop managers, students, retired engineers. What they share is a wish to give something back to the place they live.\n\nYou will be trained, equipped and supported, and you will work alongside regular officers from your first shift.',
    context: 'For the specials recruitment campaign.',
  },
} as const

export type QuoteKey = keyof typeof demoQuotes

export const demoReportLinks = {
  vetting: {
    title: 'An inspection of vetting and counter-corruption in Northmoor Police',
    publisher: 'HMICFRS',
    url: 'https://hmicfrs.justiceinspectorates.gov.uk/publications/',
    publishedOnDaysAgo: 1,
    summary:
      'The inspectorate examined how the force vets new recruits and existing staff, and how it finds and deals with corruption.',
    findings: [
      { area: 'Vetting', grade: 'Good' },
      { area: 'Counter-corruption', grade: 'Adequate' },
      { area: 'Professional standards', grade: 'Good' },
    ],
  },
  stopSearch: {
    title: 'Stop and search in Northmoor: annual report',
    publisher: 'Northmoor Police and Crime Commissioner',
    url: 'https://www.northmoor-pcc.example.org.uk/reports/stop-and-search',
    publishedOnDaysAgo: 0,
    summary:
      'Figures for the year on the use of stop and search, with the findings of the independent scrutiny panel.',
    findings: [
      { area: 'Recording of grounds', grade: 'Good' },
      { area: 'Use of body-worn video', grade: 'Requires improvement' },
    ],
  },
} as const

export type ReportLinkKey = keyof typeof demoReportLinks

export const demoCtas = {
  joinUs: {
    heading: 'Could you police Northmoor?',
    body: 'We are looking for people who want to protect their communities, as police officers, police staff, special constables and volunteers. Whatever your background, if you share our values, there is a role for you.',
    linkLabel: 'Find a role with Northmoor Police',
    linkUrl: 'https://www.joiningthepolice.co.uk/',
    audience: ['police-officer', 'police-staff', 'special-constable', 'volunteer'],
  },
  specials: {
    heading: 'Become a special constable',
    body: 'Give 16 hours a month and gain skills for life. Special constables have the same powers as regular officers and are fully trained.',
    linkLabel: 'Apply to be a special constable',
    linkUrl: 'https://www.joiningthepolice.co.uk/',
    audience: ['special-constable'],
  },
} as const

export type CtaKey = keyof typeof demoCtas

/** When a release goes out: hours ago (published), hours ahead (scheduled) or not at all. */
export type Timing = { publishedHoursAgo: number } | { scheduledInHours: number } | { draft: true }

/** A moment given as hours before the seed runs, as the timing is. */
type HoursAgo = { hoursAgo: number }

/**
 * What a police release adds to the news (src/releases/kinds.ts), as the editor fills it in.
 * Times are hours before the seed runs; the person's picture is one of the demo images.
 */
export type DemoKind =
  | {
      kind: 'appeal'
      appeal: { reference: string; happened: HoursAgo; happenedWhere: string; whatWeNeed: string }
    }
  | {
      kind: 'wanted'
      wanted: { name: string; age: number; area: string; wantedFor: string; reference: string }
      photo: ImageKey
    }
  | {
      kind: 'court-result'
      courtResult: {
        defendantName: string
        defendantAge: number
        defendantTown: string
        court: string
        offences: string
        sentence: string
        sentenced: HoursAgo
      }
      photo: ImageKey
    }
  /** Found before the demo begins: what is left of the appeal is the notice, as the workflow leaves it. */
  | { kind: 'missing-person'; found: HoursAgo }

export type DemoRelease = {
  slug: string
  title: string
  summary: string
  category: CategorySlug
  image?: ImageKey
  body: SlateElement[]
  quotes?: QuoteKey[]
  reportLinks?: ReportLinkKey[]
  recruitmentCta?: CtaKey
  timing: Timing
  police?: DemoKind
}

/** A demo release that is listed now: published, and not taken down (a missing person found is not). */
export const isListedDemo = (release: DemoRelease) =>
  'publishedHoursAgo' in release.timing && release.police?.kind !== 'missing-person'

export const demoReleases: DemoRelease[] = [
  {
    slug: 'inspectors-rate-force-good-at-vetting',
    title: 'Inspectors rate Northmoor Police ‘good’ at keeping the wrong people out of policing',
    summary:
      'His Majesty’s Inspectorate has found the force’s vetting to be good, and has asked it to strengthen the team that investigates corruption.',
    category: 'inspections-and-reports',
    image: 'headquarters',
    timing: { publishedHoursAgo: 3 },
    quotes: ['dccVetting', 'inspector'],
    reportLinks: ['vetting'],
    recruitmentCta: 'joinUs',
    body: [
      p(
        'Northmoor Police has been graded ‘good’ for the way it vets the people who join and work for it, following an inspection by His Majesty’s Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS).',
      ),
      p(
        'Inspectors spent two weeks with the force’s vetting unit and its counter-corruption unit in the spring, reviewing files, interviewing staff and checking how decisions were recorded.',
      ),
      h2('What the inspectors found'),
      p(
        'The report says decisions to refuse or grant vetting were consistent and well reasoned, and that there was no sign that applicants from any particular group were treated less favourably than others.',
      ),
      ul(
        [
          'Applicants from ethnic minority backgrounds are offered a named contact to guide them through the process.',
        ],
        [
          'Officers and staff are checked again at set intervals, and sooner if information comes to light.',
        ],
        [
          'The force’s approach to recording vetting decisions is being taken up by neighbouring forces.',
        ],
      ),
      p(
        'The inspectorate found one area for improvement: the counter-corruption unit should have more investigators, so that it can develop intelligence rather than only respond to it.',
      ),
      h2('A new prevention team'),
      p(
        'Before the inspection began, the force had already agreed to fund a prevention and engagement team within the unit. Led by a detective inspector, the team of six now trains officers and staff to recognise and report abuse of position.',
      ),
      p(
        'Anyone with concerns about the conduct of an officer or member of staff can report them in confidence through the ',
        link('https://www.police.uk/pu/contact-us/', 'police.uk contact page'),
        ', or anonymously to Crimestoppers on 0800 555 111.',
      ),
    ],
  },
  {
    slug: 'appeal-after-fatal-collision-a614',
    title: 'Appeal for witnesses after motorcyclist dies in collision on the A614',
    summary:
      'A 34-year-old man from Fenwick has died after his motorcycle and a van were in collision near Brackley Cross on Tuesday evening. Officers want to hear from anyone who saw what happened.',
    category: 'appeals',
    image: 'roadside',
    timing: { publishedHoursAgo: 20 },
    quotes: ['sergeantCollision'],
    body: [
      p(
        'Emergency services were called at about 6.40pm on Tuesday to the A614 between Brackley Cross and the Fenwick roundabout, where a blue motorcycle and a white van had collided.',
      ),
      p(
        'The rider was treated at the scene by paramedics and taken to hospital, where he died a short time later. His family have been told and are being supported by specialist officers.',
      ),
      p(
        'The driver of the van, a man in his fifties, was not hurt and is helping officers with their enquiries.',
      ),
      h2('How to help'),
      p(
        'If you saw the collision or either vehicle beforehand, or you have dashcam footage, please ',
        bold('quote incident 412 of 14 October'),
        ' when you contact us:',
      ),
      ul(
        ['online through the ', link('https://www.police.uk/', 'police.uk website')],
        ['by calling 101'],
        ['anonymously, through Crimestoppers on 0800 555 111'],
      ),
      p(
        'The road was closed for eight hours while collision investigators worked at the scene. It has since reopened.',
      ),
    ],
  },
  {
    slug: 'eastfield-burglar-jailed',
    title: 'Man who broke into nine homes in Eastfield jailed for six years',
    summary:
      'A 29-year-old man has been jailed for six years after admitting a series of night-time burglaries in which jewellery, laptops and car keys were taken.',
    category: 'court-results',
    image: 'court',
    timing: { publishedHoursAgo: 30 },
    quotes: ['detectiveBurglary'],
    body: [
      p(
        'Jordan Pike, of Mill Lane, Eastfield, was sentenced at Northmoor Crown Court on Friday after pleading guilty to nine counts of burglary and one of handling stolen goods.',
      ),
      p(
        'The court heard that over six weeks last winter he targeted houses while the occupants slept, getting in through unlocked back doors and ground-floor windows.',
      ),
      p(
        'Detectives linked him to the break-ins through doorbell camera footage and a fingerprint found on a kitchen window, and traced several stolen items to an online marketplace.',
      ),
      h2('Protecting your home'),
      ul(
        ['Lock doors and windows at night, even when you are at home.'],
        ['Keep car keys out of sight and away from the front door.'],
        ['Mark valuables with your postcode and register them on an online property database.'],
      ),
    ],
  },
  {
    slug: 'cyber-safety-sessions-older-residents',
    title: 'Free cyber-safety sessions for older residents across Eastfield and Fenwick',
    summary:
      'Neighbourhood officers and volunteers are running drop-in sessions in libraries and community centres to help older people spot scams and keep their devices secure.',
    category: 'community',
    image: 'community',
    timing: { publishedHoursAgo: 52 },
    quotes: ['inspectorCommunity'],
    recruitmentCta: 'joinUs',
    body: [
      p(
        'The sessions follow a rise in reports of phone and text scams in which callers pretend to be from a bank or a delivery company.',
      ),
      p(
        'Each session lasts about an hour and covers setting strong passwords, recognising fake messages, and what to do if you think you have been targeted.',
      ),
      h2('Where and when'),
      ul(
        ['Eastfield Library: first Monday of each month, 10am'],
        ['Fenwick Community Centre: second Thursday of each month, 2pm'],
        ['Brackley Cross Village Hall: last Saturday of each month, 11am'],
      ),
      p(
        'No booking is needed. If you cannot get to a session, our volunteers can visit community groups: email ',
        link(
          'mailto:neighbourhoods@northmoor.example.police.uk',
          'neighbourhoods@northmoor.example.police.uk',
        ),
        '.',
      ),
    ],
  },
  {
    slug: 'special-constables-recruitment-opens',
    title: 'Give something back: special constable recruitment opens',
    summary:
      'Northmoor Police is looking for volunteers to train as special constables, with the first intake starting in the new year.',
    category: 'recruitment',
    image: 'specials',
    timing: { publishedHoursAgo: 75 },
    quotes: ['specialsChief'],
    recruitmentCta: 'specials',
    body: [
      p(
        'Special constables are volunteer police officers with the same powers as their paid colleagues. They patrol town centres, support events and help with searches for missing people.',
      ),
      p(
        'Applicants must be 18 or over and able to give at least 16 hours a month. Training takes place over weekends and some evenings, so it can fit around work and family life.',
      ),
      p(
        'An online information evening will be held next month for anyone who wants to find out more before applying.',
      ),
    ],
  },
  {
    slug: 'station-front-counters-longer-hours',
    title: 'Police station front counters to open for longer',
    summary:
      'From next month, front counters at Eastfield and Fenwick police stations will open until 8pm on weekdays and from 9am to 5pm on Saturdays.',
    category: 'community',
    image: 'station',
    timing: { publishedHoursAgo: 100 },
    body: [
      p(
        'The change follows a public consultation in which more than 2,000 people told us that the current hours made it hard for them to visit after work.',
      ),
      p(
        'Front counter staff can take reports of crime, accept found property and help with enquiries about firearms licensing and bail.',
      ),
      p(
        'In an emergency, always call 999. For anything else, you can contact us online at any time through ',
        link('https://www.police.uk/', 'police.uk'),
        ' or by calling 101.',
      ),
    ],
  },
  {
    slug: 'appeal-cash-machine-raid-fenwick',
    title: 'Appeal after cash machine is ripped from the wall of a Fenwick filling station',
    summary:
      'Detectives want to hear from anyone who was on Moor Road in the early hours of Saturday, when a cash machine was pulled out of a filling station wall and driven away.',
    category: 'appeals',
    image: 'roadside',
    timing: { publishedHoursAgo: 9 },
    police: {
      kind: 'appeal',
      appeal: {
        reference: 'NM/41207/26',
        happened: { hoursAgo: 54 },
        happenedWhere: 'Moor Road filling station, Fenwick',
        whatWeNeed:
          'Did you see a dark pick-up truck on Moor Road, or on the lanes towards Brackley Cross, between 2am and 3.30am?\nDo you have dashcam or home security camera footage from that time?\nHas anyone offered you cash or a damaged cash machine since?',
      },
    },
    body: [
      p(
        'Staff arriving at the filling station at 6am on Saturday found the front wall of the shop broken open and the cash machine gone. Nobody was hurt.',
      ),
      p(
        'Officers believe that two or three people used a stolen pick-up truck and chains to pull the machine free, a little after 3am. The truck was later found burnt out in a lay-by off the Fenwick bypass.',
      ),
      p(
        'The shop is closed while the wall is made safe. Officers will be on Moor Road over the coming days to talk to residents and drivers.',
      ),
    ],
  },
  {
    // The address does not name the person: it outlives the appeal (src/releases/kinds.ts).
    slug: 'wanted-appeal',
    title: 'Wanted: man sought after a serious assault in Eastfield town centre',
    summary:
      'Officers are trying to trace a 31-year-old man after another man was knocked to the ground and badly hurt outside a bar on Market Street, Eastfield.',
    category: 'appeals',
    timing: { publishedHoursAgo: 6 },
    police: {
      kind: 'wanted',
      wanted: {
        name: 'Dean Marsh',
        age: 31,
        area: 'Eastfield, and the Brackley Cross estate',
        wantedFor:
          'Assault causing grievous bodily harm, after a man in his forties was punched outside a bar on Market Street, Eastfield, late on Friday 27 November.',
        reference: 'NM/39984/26',
      },
      photo: 'wantedMan',
    },
    body: [
      p(
        'The man who was hurt spent four nights in hospital with a fractured skull. He is now recovering at home.',
      ),
      p(
        'Dean Marsh is about 5ft 10in tall, of slim build, with short dark hair. He has links to Eastfield and the Brackley Cross estate, and often uses the bus between the two.',
      ),
    ],
  },
  {
    slug: 'man-jailed-for-stealing-tools-from-vans',
    title: 'Man who stole tools from tradespeople’s vans across Fenwick jailed',
    summary:
      'A 42-year-old man from Brackley Cross has been jailed for two years and four months for breaking into vans and taking the tools that their owners work with.',
    category: 'court-results',
    image: 'court',
    timing: { publishedHoursAgo: 40 },
    police: {
      kind: 'court-result',
      courtResult: {
        defendantName: 'Kieran Doyle',
        defendantAge: 42,
        defendantTown: 'Brackley Cross',
        court: 'Northmoor Crown Court',
        offences: 'Six counts of theft from a motor vehicle\nOne count of going equipped for theft',
        sentence: 'Two years and four months in prison',
        sentenced: { hoursAgo: 48 },
      },
      photo: 'custody',
    },
    body: [
      p(
        'Over three months in the spring, Kieran Doyle forced the locks of vans parked outside homes in Fenwick overnight and took power tools, ladders and generators worth more than £20,000 in all.',
      ),
      p(
        'He was arrested when a plumber whose van had been broken into spotted his own drill for sale online and told officers. Tools from five other vans were found in a lock-up garage Doyle rented.',
      ),
      h2('Keeping tools safe'),
      ul(
        ['Take tools out of your van overnight where you can.'],
        ['Fit a deadlock, and park with the back doors against a wall.'],
        ['Mark your tools, and keep a list of their serial numbers.'],
      ),
    ],
  },
  {
    // A missing person found before the demo begins: the workflow's "Found" has deleted what the
    // appeal said of them, their photo with it. What is left is the notice, at the same address.
    slug: 'missing-person-appeal',
    title: FOUND_TITLE,
    summary: FOUND_NOTICE,
    category: 'appeals',
    timing: { publishedHoursAgo: 44 },
    police: { kind: 'missing-person', found: { hoursAgo: 30 } },
    body: [],
  },
  {
    slug: 'stop-and-search-annual-report',
    title: 'Stop and search: force publishes its annual report and panel findings',
    summary:
      'The report sets out how often officers used stop and search over the year, what was found, and what the independent scrutiny panel said about it.',
    category: 'inspections-and-reports',
    image: 'annualReport',
    timing: { scheduledInHours: 26 },
    reportLinks: ['stopSearch'],
    body: [
      p(
        'Northmoor Police today publishes its annual report on the use of stop and search, together with the findings of the independent panel of residents that reviews a sample of searches each month.',
      ),
      p(
        'The panel found that officers recorded clear grounds for searching in nearly all of the cases it reviewed, and asked the force to improve how often body-worn cameras are switched on.',
      ),
    ],
  },
  {
    slug: 'summer-drink-drive-campaign',
    title: 'Summer drink and drug-drive campaign begins',
    summary:
      'Roads policing officers will run extra checks across the county through the summer holidays.',
    category: 'roads',
    image: 'drinkDrive',
    timing: { draft: true },
    body: [
      p(
        'Draft: figures from last year’s campaign to be confirmed with the roads policing unit before this goes out.',
      ),
    ],
  },
]

/** The press office's media lists, and the (fictitious) journalists on them. */
export const demoMediaLists = [
  {
    name: 'Regional TV and radio',
    description: 'Newsdesks and planning desks at the region’s television and radio stations.',
  },
  {
    name: 'Court reporters',
    description: 'Reporters and agencies who cover Northmoor’s magistrates’ and crown courts.',
  },
  {
    name: 'Local papers and websites',
    description: 'The county’s papers, their websites, and freelances who write for them.',
  },
] as const

type ListName = (typeof demoMediaLists)[number]['name']

export const demoMediaContacts: {
  name: string
  outlet: string
  email: string
  lists: ListName[]
  beats: CategorySlug[]
  notes?: string
}[] = [
  {
    name: 'Newsdesk',
    outlet: 'Moorland Evening Echo',
    email: 'newsdesk@moorland-echo.example',
    lists: ['Local papers and websites'],
    beats: ['appeals', 'community', 'roads'],
    notes: 'Staffed 07:00 to 22:00. Prefers pictures as attachments, not links.',
  },
  {
    name: 'Jo Pennant',
    outlet: 'Moorland Evening Echo',
    email: 'jo.pennant@moorland-echo.example',
    lists: ['Court reporters', 'Local papers and websites'],
    beats: ['court-results', 'appeals'],
    notes: 'Crime and courts reporter. Usually at Northmoor Crown Court on Mondays.',
  },
  {
    name: 'News team',
    outlet: 'Northmoor Sound',
    email: 'news@northmoor-sound.example',
    lists: ['Regional TV and radio'],
    beats: ['appeals', 'roads', 'community'],
    notes: 'Hourly bulletins; an interview clip by 16:00 makes the drive-time programme.',
  },
  {
    name: 'Dev Malhotra',
    outlet: 'Moor Vale Television',
    email: 'planning@moor-vale-tv.example',
    lists: ['Regional TV and radio'],
    beats: ['appeals', 'inspections-and-reports'],
    notes: 'Planning desk for the evening regional news: a day’s notice for filming.',
  },
  {
    name: 'Ruth Ashworth',
    outlet: 'Pennine Court Reports',
    email: 'ruth@pennine-court-reports.example',
    lists: ['Court reporters'],
    beats: ['court-results'],
  },
  {
    name: 'Alex Carrow',
    outlet: 'Freelance',
    email: 'alex.carrow@freelance-writer.example',
    lists: ['Local papers and websites'],
    beats: ['community', 'inspections-and-reports'],
  },
]

export const demoSiteSettings = {
  forceName: FORCE_NAME,
  pressOfficeAddress:
    'Northmoor Police press office\nPolice Headquarters, 1 Moor Lane, Northmoor NM1 1AA\n01632 960 000',
  pressOfficeContact:
    'Press office: 01632 960 000, press@northmoor.example.police.uk (08:00 to 18:00, Monday to Friday)\nOut of hours: the duty press officer, through the force control room on 01632 960 999',
  notesToEditors:
    'Pictures sent with a release may be used with that release only, credited as shown.\nInterviews are by arrangement with the press office.\nNorthmoor Police serves a county of 600,000 people with 1,900 officers and 1,400 staff.',
  betaBanner: {
    enabled: true,
    text: 'This is a new website for Northmoor Police news. It is still being improved, and your feedback helps us make it better.',
    feedbackUrl: 'https://www.northmoor.example.police.uk/feedback',
  },
  quickExit: { label: 'Leave this site', url: 'https://www.bbc.co.uk/weather' },
  footerLinks: [
    { label: 'Accessibility statement', url: '/accessibility' },
    { label: 'Report a crime online', url: 'https://www.police.uk/' },
    { label: 'Careers with the police', url: 'https://www.joiningthepolice.co.uk/' },
  ],
}
