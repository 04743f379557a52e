/** @module Typed URL builders: every link and redirect comes from here, never a hand-built string. */

const encode = encodeURIComponent;
/** The query naming the Reporter page hearing outcome a supervision order form is filled from, if any. */
const fromHearing = (hearing?: { hearingId: string }) => (hearing ? `?${new URLSearchParams({ hearing: hearing.hearingId }).toString()}` : '');

export const paths = {
  home: () => '/',
  health: () => '/health',
  signIn: {
    show: () => '/sign-in',
    submit: () => '/sign-in',
    oidcStart: () => '/sign-in/sso',
    oidcCallback: () => '/sign-in/sso/callback',
  },
  signOut: () => '/sign-out',
  session: {
    keepAlive: () => '/session/keep-alive',
    status: () => '/session/status',
    draft: () => '/session/draft',
  },
  children: {
    search: () => '/children',
    /** Adding a child: a search by name and date of birth first (issue 3). */
    add: () => '/children/new',
    show: ({ childId }: { childId: string }) => `/children/${encode(childId)}`,
    chronology: ({ childId }: { childId: string }) => `/children/${encode(childId)}/chronology`,
    merge: ({ childId }: { childId: string }, query?: { duplicateId: string }) =>
      `/children/${encode(childId)}/merge${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    edit: ({ childId }: { childId: string }) => `/children/${encode(childId)}/edit`,
    keyPeople: ({ childId }: { childId: string }) => `/children/${encode(childId)}/people`,
  },
  admin: {
    audit: () => '/admin/audit',
    users: () => '/admin/users',
    newUser: () => '/admin/users/new',
  },
  /** Child protection, looked after children, placements and the council's own places (issue 5). */
  care: {
    hub: () => '/care',
    child: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care`,
    startEpisode: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/episodes/start`,
    endEpisode: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/episodes/end`,
    place: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/placements/place`,
    move: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/placements/move`,
    endPlacement: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/placements/end`,
    book: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/short-breaks/book`,
    protection: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/protection`,
    register: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/protection/register`,
    deregister: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/protection/deregister`,
    newIrd: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/protection/ird`,
    newCpMeeting: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/protection/meeting`,
    protectionRegister: () => '/protection/register',
    scra: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/scra`,
    newScraReferral: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/scra/new`,
    scraDecision: ({ childId, referralId }: { childId: string; referralId: string }) => `/children/${encode(childId)}/care/scra/${encode(referralId)}/decision`,
    scraHearing: ({ childId, referralId }: { childId: string; referralId: string }) => `/children/${encode(childId)}/care/scra/${encode(referralId)}/hearing`,
    resources: () => '/resources',
    newResource: () => '/resources/new',
    resource: ({ resourceId }: { resourceId: string }, month?: { year: string; month: string }) =>
      `/resources/${encode(resourceId)}${month ? `?${new URLSearchParams({ 'from-day': '1', 'from-month': month.month, 'from-year': month.year }).toString()}` : ''}`,
    commissioning: (query?: { date: string }) => `/commissioning${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    providers: () => '/providers',
    newProvider: () => '/providers/new',
    newHome: () => '/providers/homes/new',
  },
  /** Compulsory Supervision Orders on a child's record and their review hearings (issue 5). */
  supervisionOrders: {
    child: ({ childId }: { childId: string }) => `/children/${encode(childId)}/care/orders`,
    new: ({ childId }: { childId: string }, hearing?: { hearingId: string }) => `/children/${encode(childId)}/care/orders/new${fromHearing(hearing)}`,
    review: ({ childId, orderId }: { childId: string; orderId: string }, hearing?: { hearingId: string }) =>
      `/children/${encode(childId)}/care/orders/${encode(orderId)}/review${fromHearing(hearing)}`,
    end: ({ childId, orderId }: { childId: string; orderId: string }) => `/children/${encode(childId)}/care/orders/${encode(orderId)}/end`,
  },
  /** Referrals from arrival to allocation, and closing the case they open (issue 3). */
  referrals: {
    tray: () => '/referrals',
    new: () => '/referrals/new',
    show: ({ referralId }: { referralId: string }) => `/referrals/${encode(referralId)}`,
    screen: ({ referralId }: { referralId: string }) => `/referrals/${encode(referralId)}/screen`,
    decide: ({ referralId }: { referralId: string }) => `/referrals/${encode(referralId)}/decide`,
    allocate: ({ referralId }: { referralId: string }) => `/referrals/${encode(referralId)}/allocate`,
    closeCase: ({ caseId }: { caseId: string }) => `/cases/${encode(caseId)}/close`,
  },
  /** Family First involvements (issue 3). */
  familyFirst: {
    show: ({ involvementId }: { involvementId: string }) => `/family-first/${encode(involvementId)}`,
    plan: ({ involvementId }: { involvementId: string }) => `/family-first/${encode(involvementId)}/plan`,
    sessions: ({ involvementId }: { involvementId: string }) => `/family-first/${encode(involvementId)}/sessions`,
    feedback: ({ involvementId }: { involvementId: string }) => `/family-first/${encode(involvementId)}/feedback`,
    end: ({ involvementId }: { involvementId: string }) => `/family-first/${encode(involvementId)}/end`,
  },
  /** Caseloads: a worker's own work, a team's caseloads by worker (issue 3). */
  caseloads: {
    mine: () => '/caseloads/mine',
    team: () => '/caseloads/team',
    addTask: () => '/caseloads/tasks',
    completeTask: ({ taskId }: { taskId: string }) => `/caseloads/tasks/${encode(taskId)}/done`,
  },
  /** Cluster outcomes (issue 3). */
  clusters: {
    outcomes: (query?: { from: string; to: string; cluster: string }) => `/clusters${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    /** The children behind one figure; `others` = every cluster but `cluster`. */
    children: (query: { from: string; to: string; cluster: string; others: 'yes' | 'no'; indicator: string; dimension: string }) => `/clusters/children?${new URLSearchParams(query).toString()}`,
  },
  /** Signs of Safety: case maps, scaling, the safety network and plan, and the child's voice (issue 4). */
  safety: {
    maps: ({ childId }: { childId: string }) => `/children/${encode(childId)}/safety`,
    map: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}`,
    newItem: ({ childId, mapId, category }: { childId: string; mapId: string; category: string }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/items/${encode(category)}/new`,
    newPair: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/pairs/new`,
    editPair: ({ childId, mapId, pairId }: { childId: string; mapId: string; pairId: string }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/pairs/${encode(pairId)}/edit`,
    newScore: ({ childId, mapId, pairId }: { childId: string; mapId: string; pairId: string }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/pairs/${encode(pairId)}/scores/new`,
    remove: ({ childId, mapId, entryId }: { childId: string; mapId: string; entryId: string }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/entries/${encode(entryId)}/remove`,
    scaling: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/scaling`,
    newMember: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/network/new`,
    newRule: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/plan/new`,
    newMeeting: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/meetings/new`,
    history: ({ childId, mapId }: { childId: string; mapId: string }) => `/children/${encode(childId)}/safety/maps/${encode(mapId)}/history`,
    compare: ({ childId, mapId }: { childId: string; mapId: string }, query?: { from: string; to: string }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/compare${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    familyCopy: ({ childId, mapId, format }: { childId: string; mapId: string; format: 'pdf' | 'docx' }) =>
      `/children/${encode(childId)}/safety/maps/${encode(mapId)}/family-copy.${format}`,
    voice: ({ childId }: { childId: string }) => `/children/${encode(childId)}/voice`,
    newWords: ({ childId }: { childId: string }) => `/children/${encode(childId)}/voice/words/new`,
    newDrawing: ({ childId }: { childId: string }) => `/children/${encode(childId)}/voice/drawings/new`,
    drawing: ({ childId, drawingId }: { childId: string; drawingId: string }) => `/children/${encode(childId)}/voice/drawings/${encode(drawingId)}`,
  },
  /** Dashboards, the board report and benchmark figures (issue 6). `query` is a figure choice's query string. */
  dashboards: {
    show: (query = '') => `/dashboards${query ? `?${query}` : ''}`,
    csv: ({ tableId }: { tableId: string }, query = '') => `/dashboards/tables/${encode(tableId)}.csv${query ? `?${query}` : ''}`,
    chart: ({ tableId }: { tableId: string }, query = '') => `/dashboards/charts/${encode(tableId)}.svg${query ? `?${query}` : ''}`,
    boardReport: (query = '') => `/dashboards/board-report${query ? `?${query}` : ''}`,
    benchmarks: () => '/dashboards/benchmarks',
  },
  /** Training records: the staff register, courses, sessions, registers and coverage (issue 7). */
  training: {
    coverage: (query = '') => `/training${query ? `?${query}` : ''}`,
    staff: () => '/training/staff',
    newStaff: () => '/training/staff/new',
    editStaff: ({ staffId }: { staffId: string }) => `/training/staff/${encode(staffId)}/edit`,
    courses: () => '/training/courses',
    newCourse: () => '/training/courses/new',
    newSession: ({ courseId }: { courseId: string }) => `/training/courses/${encode(courseId)}/sessions/new`,
    sessions: () => '/training/sessions',
    register: ({ sessionId }: { sessionId: string }) => `/training/sessions/${encode(sessionId)}/register`,
  },
  /** The quality report: audits, surveys and training before and after (issue 7). `query` is the report's choices. */
  quality: {
    report: (query = '') => `/quality${query ? `?${query}` : ''}`,
    download: ({ format }: { format: 'docx' | 'pdf' }, query = '') => `/quality/report.${format}${query ? `?${query}` : ''}`,
  },
  /** Case file audits: rubrics, audit rounds, allocation, grading, moderation and results (issue 7). */
  caseFileAudits: {
    home: () => '/case-file-audits',
    rubric: ({ rubricId }: { rubricId: number }) => `/case-file-audits/rubrics/${rubricId}`,
    newRubric: () => '/case-file-audits/rubrics/new',
    newVersion: ({ rubricId }: { rubricId: number }) => `/case-file-audits/rubrics/${rubricId}/new-version`,
    newRound: () => '/case-file-audits/rounds/new',
    round: ({ roundId }: { roundId: number }) => `/case-file-audits/rounds/${roundId}`,
    allocate: ({ roundId }: { roundId: number }) => `/case-file-audits/rounds/${roundId}/allocate`,
    moderation: ({ roundId }: { roundId: number }) => `/case-file-audits/rounds/${roundId}/moderation`,
    results: ({ roundId }: { roundId: number }, query?: { compareWith: string }) =>
      `/case-file-audits/rounds/${roundId}/results${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    fileAuditor: ({ fileId }: { fileId: number }) => `/case-file-audits/files/${fileId}/auditor`,
    grade: ({ fileId }: { fileId: number }) => `/case-file-audits/files/${fileId}/grade`,
    moderate: ({ fileId }: { fileId: number }) => `/case-file-audits/files/${fileId}/moderate`,
  },
  /** Surveys of families and staff: questionnaires, waves, single-use links, results and comparisons (issue 7). */
  surveys: {
    list: () => '/surveys',
    new: () => '/surveys/new',
    show: ({ surveyId }: { surveyId: number }) => `/surveys/${surveyId}`,
    newQuestion: ({ surveyId }: { surveyId: number }) => `/surveys/${surveyId}/questions/new`,
    changeDetails: ({ surveyId }: { surveyId: number }) => `/surveys/${surveyId}/details`,
    changeQuestion: ({ surveyId, questionId }: { surveyId: number; questionId: number }) => `/surveys/${surveyId}/questions/${questionId}/change`,
    removeQuestion: ({ surveyId, questionId }: { surveyId: number; questionId: number }) => `/surveys/${surveyId}/questions/${questionId}/remove`,
    moveQuestionUp: ({ surveyId, questionId }: { surveyId: number; questionId: number }) => `/surveys/${surveyId}/questions/${questionId}/move-up`,
    newWave: ({ surveyId }: { surveyId: number }) => `/surveys/${surveyId}/waves/new`,
    compare: ({ surveyId }: { surveyId: number }, query?: { baseline: string; comparator: string }) =>
      `/surveys/${surveyId}/compare${query ? `?${new URLSearchParams(query).toString()}` : ''}`,
    links: ({ waveId }: { waveId: number }) => `/surveys/waves/${waveId}/links`,
    close: ({ waveId }: { waveId: number }) => `/surveys/waves/${waveId}/close`,
    results: ({ waveId }: { waveId: number }) => `/surveys/waves/${waveId}/results`,
    /** The public page a single-use link opens (no account). */
    respond: ({ token }: { token: string }) => `/survey/${encode(token)}`,
    thanks: () => '/survey/thank-you',
  },
} as const;
