/**
 * @module Cairn's site map: every URL as a typed path (path.ts) that both registers its route and builds its links,
 * so each is written once. A test checks that every registered route comes from here.
 */
import { fillPattern, path, queryString } from './path.js';

/** The query naming the Reporter page hearing outcome a supervision order form is filled from, if any. */
const fromHearing = (hearing?: { hearingId: string }) => queryString(hearing && { hearing: hearing.hearingId });

export const paths = {
  home: path('/'),
  health: path('/health'),
  /** The command line's way in while Cairn runs on PGlite (ADR 0017): loopback and the handoff file's token only. */
  commandLine: {
    stats: path('/cli/stats'),
    report: path('/cli/report'),
    edition: path('/cli/report/edition'),
    import: path('/cli/import'),
    returnsCheck: path('/cli/returns/check'),
    returnsBuild: path('/cli/returns/build'),
    auditVerify: path('/cli/audit/verify'),
    auditExport: path('/cli/audit/export'),
    backup: path('/cli/backup'),
  },
  signIn: {
    show: path('/sign-in'),
    submit: path('/sign-in'),
    oidcStart: path('/sign-in/sso'),
    oidcCallback: path('/sign-in/sso/callback'),
  },
  signOut: path('/sign-out'),
  /** Issue 16: end every session of one's own account. */
  signOutEverywhere: path('/sign-out/everywhere'),
  session: {
    keepAlive: path('/session/keep-alive'),
    status: path('/session/status'),
    draft: path('/session/draft'),
    /** Throw away what was kept of a form (its page's path is posted), rather than save it. */
    discardDraft: path('/session/draft/discard'),
  },
  children: {
    search: path('/children'),
    /** Adding a child: a search by name and date of birth first (issue 3). */
    add: path('/children/new'),
    show: path('/children/:childId'),
    chronology: path('/children/:childId/chronology'),
    merge: path('/children/:childId/merge'),
    edit: path('/children/:childId/edit'),
    keyPeople: path('/children/:childId/people'),
    /** Issue 16: a restricted record's break-glass page; restricting a record; removing its restriction. */
    breakGlass: path('/children/:childId/restricted'),
    restriction: path('/children/:childId/restriction'),
    removeRestriction: path('/children/:childId/restriction/remove'),
    editKeyPerson: path('/children/:childId/people/:personId/edit'),
  },
  /** Issue 16: the break-glass openings of restricted records, for service managers to review. */
  restrictedRecords: {
    breakGlassUses: path('/restricted-records/break-glass'),
    markReviewed: path('/restricted-records/break-glass/:openingId/reviewed'),
  },
  admin: {
    audit: path('/admin/audit'),
    users: path('/admin/users'),
    newUser: path('/admin/users/new'),
    signOutEverywhere: path('/admin/users/:userId/sign-out-everywhere'),
    /** Issue 16 item 4: an account's page, its role and team, disabling and enabling, and role grants (ADR 0043). */
    user: path('/admin/users/:userId'),
    userRole: path('/admin/users/:userId/role'),
    userTeam: path('/admin/users/:userId/team'),
    disableUser: path('/admin/users/:userId/disable'),
    enableUser: path('/admin/users/:userId/enable'),
    approveGrant: path('/admin/role-grants/:grantId/approve'),
    cancelGrant: path('/admin/role-grants/:grantId/cancel'),
    /** Issue 13 item 6: the reference lists forms choose from (ADR 0029). */
    lists: path('/admin/lists'),
    list: path('/admin/lists/:list'),
    newEntry: path('/admin/lists/:list/new'),
    entry: path('/admin/lists/:list/:entryId'),
    retireEntry: path('/admin/lists/:list/:entryId/retire'),
    restoreEntry: path('/admin/lists/:list/:entryId/restore'),
    mergeEntry: path('/admin/lists/:list/:entryId/merge'),
  },
  /** Child protection, looked after children, placements and the council's own places (issue 5). */
  care: {
    hub: path('/care'),
    child: path('/children/:childId/care'),
    startEpisode: path('/children/:childId/care/episodes/start'),
    endEpisode: path('/children/:childId/care/episodes/end'),
    place: path('/children/:childId/care/placements/place'),
    move: path('/children/:childId/care/placements/move'),
    endPlacement: path('/children/:childId/care/placements/end'),
    /** Correct a recorded placement, with a reason; the original stays in its history (issue 12). */
    correctPlacement: path('/children/:childId/care/placements/:placementId/correct'),
    /** Correct a looked after episode, or withdraw one recorded in error, with a reason (issue 12, ADR 0024). */
    correctEpisode: path('/children/:childId/care/episodes/:episodeId/correct'),
    withdrawEpisode: path('/children/:childId/care/episodes/:episodeId/withdraw'),
    book: path('/children/:childId/care/short-breaks/book'),
    /** A booking, its history, and changing its dates or cancelling it, with a reason (issue 12). */
    booking: path('/children/:childId/care/short-breaks/:bookingId'),
    changeBooking: path('/children/:childId/care/short-breaks/:bookingId/change'),
    cancelBooking: path('/children/:childId/care/short-breaks/:bookingId/cancel'),
    protection: path('/children/:childId/care/protection'),
    register: path('/children/:childId/care/protection/register'),
    deregister: path('/children/:childId/care/protection/deregister'),
    newIrd: path('/children/:childId/care/protection/ird'),
    newCpMeeting: path('/children/:childId/care/protection/meeting'),
    correctRegistration: path('/children/:childId/care/protection/registrations/:registrationId/correct'),
    withdrawRegistration: path('/children/:childId/care/protection/registrations/:registrationId/withdraw'),
    withdrawDeregistration: path('/children/:childId/care/protection/registrations/:registrationId/withdraw-deregistration'),
    correctCpMeeting: path('/children/:childId/care/protection/meetings/:meetingId/correct'),
    withdrawCpMeeting: path('/children/:childId/care/protection/meetings/:meetingId/withdraw'),
    protectionRegister: path('/protection/register'),
    scra: path('/children/:childId/care/scra'),
    newScraReferral: path('/children/:childId/care/scra/new'),
    scraDecision: path('/children/:childId/care/scra/:referralId/decision'),
    scraHearing: path('/children/:childId/care/scra/:referralId/hearing'),
    /** Correct or withdraw a referral, the Reporter's decision or a hearing outcome, with a reason (issue 12). */
    correctScraReferral: path('/children/:childId/care/scra/:referralId/correct'),
    withdrawScraReferral: path('/children/:childId/care/scra/:referralId/withdraw'),
    withdrawScraDecision: path('/children/:childId/care/scra/:referralId/decision/withdraw'),
    correctScraHearing: path('/children/:childId/care/scra/:referralId/hearings/:hearingId/correct'),
    withdrawScraHearing: path('/children/:childId/care/scra/:referralId/hearings/:hearingId/withdraw'),
    resources: path('/resources'),
    newResource: path('/resources/new'),
    resource: path('/resources/:resourceId', ({ resourceId }: { resourceId: string }, month?: { year: string; month: string }) =>
      fillPattern('/resources/:resourceId', { resourceId }) + queryString(month && { 'from-day': '1', 'from-month': month.month, 'from-year': month.year })),
    commissioning: path('/commissioning'),
    /** Add a provider home's weekly rate from a date (issue 13 item 10). */
    newRate: path('/providers/homes/:homeId/rates/new'),
    providers: path('/providers'),
    newProvider: path('/providers/new'),
    newHome: path('/providers/homes/new'),
  },
  /** Compulsory Supervision Orders on a child's record and their review hearings (issue 5). */
  supervisionOrders: {
    child: path('/children/:childId/care/orders'),
    new: path('/children/:childId/care/orders/new', ({ childId }: { childId: string }, hearing?: { hearingId: string }) =>
      fillPattern('/children/:childId/care/orders/new', { childId }) + fromHearing(hearing)),
    review: path('/children/:childId/care/orders/:orderId/review', ({ childId, orderId }: { childId: string; orderId: string }, hearing?: { hearingId: string }) =>
      fillPattern('/children/:childId/care/orders/:orderId/review', { childId, orderId }) + fromHearing(hearing)),
    end: path('/children/:childId/care/orders/:orderId/end'),
    correct: path('/children/:childId/care/orders/:orderId/correct'),
    withdraw: path('/children/:childId/care/orders/:orderId/withdraw'),
  },
  /** Referrals from arrival to allocation, and closing the case they open (issue 3). */
  referrals: {
    tray: path('/referrals'),
    new: path('/referrals/new'),
    show: path('/referrals/:referralId'),
    screen: path('/referrals/:referralId/screen'),
    decide: path('/referrals/:referralId/decide'),
    allocate: path('/referrals/:referralId/allocate'),
    details: path('/referrals/:referralId/details'),
    correctDecision: path('/referrals/:referralId/correct-decision'),
    correctAllocation: path('/referrals/:referralId/correct-allocation'),
    withdraw: path('/referrals/:referralId/withdraw'),
    group: path('/referrals/:referralId/group'),
    closeCase: path('/cases/:caseId/close'),
  },
  /** Family First involvements (issue 3). */
  familyFirst: {
    show: path('/family-first/:involvementId'),
    plan: path('/family-first/:involvementId/plan'),
    sessions: path('/family-first/:involvementId/sessions'),
    feedback: path('/family-first/:involvementId/feedback'),
    end: path('/family-first/:involvementId/end'),
    /** Correct or withdraw a recorded session, with a reason (issue 12). */
    correctSession: path('/family-first/:involvementId/sessions/:sessionId/correct'),
    withdrawSession: path('/family-first/:involvementId/sessions/:sessionId/withdraw'),
  },
  /** Caseloads: a worker's own work, a team's caseloads by worker (issue 3). */
  caseloads: {
    mine: path('/caseloads/mine'),
    team: path('/caseloads/team'),
    addTask: path('/caseloads/tasks'),
    completeTask: path('/caseloads/tasks/:taskId/done'),
  },
  /** Cluster outcomes (issue 3). */
  clusters: {
    outcomes: path('/clusters'),
    /** The children behind one figure; `others` = every cluster but `cluster`. */
    children: path('/clusters/children', (query: { from: string; to: string; cluster: string; others: 'yes' | 'no'; indicator: string; dimension: string }) => `/clusters/children${queryString(query)}`),
  },
  /** Signs of Safety: case maps, scaling, the safety network and plan, and the child's voice (issue 4). */
  safety: {
    maps: path('/children/:childId/safety'),
    map: path('/children/:childId/safety/maps/:mapId'),
    newItem: path('/children/:childId/safety/maps/:mapId/items/:category/new'),
    newPair: path('/children/:childId/safety/maps/:mapId/pairs/new'),
    editPair: path('/children/:childId/safety/maps/:mapId/pairs/:pairId/edit'),
    editItem: path('/children/:childId/safety/maps/:mapId/items/:itemId/edit'),
    editMember: path('/children/:childId/safety/maps/:mapId/network/:memberId/edit'),
    editRule: path('/children/:childId/safety/maps/:mapId/plan/:ruleId/edit'),
    scalingGrid: path('/children/:childId/safety/maps/:mapId/scaling/meeting'),
    newScore: path('/children/:childId/safety/maps/:mapId/pairs/:pairId/scores/new'),
    remove: path('/children/:childId/safety/maps/:mapId/entries/:entryId/remove'),
    scaling: path('/children/:childId/safety/maps/:mapId/scaling'),
    newMember: path('/children/:childId/safety/maps/:mapId/network/new'),
    newRule: path('/children/:childId/safety/maps/:mapId/plan/new'),
    newMeeting: path('/children/:childId/safety/maps/:mapId/meetings/new'),
    history: path('/children/:childId/safety/maps/:mapId/history'),
    compare: path('/children/:childId/safety/maps/:mapId/compare'),
    familyCopy: path('/children/:childId/safety/maps/:mapId/family-copy.:format'),
    voice: path('/children/:childId/voice'),
    newWords: path('/children/:childId/voice/words/new'),
    newDrawing: path('/children/:childId/voice/drawings/new'),
    drawing: path('/children/:childId/voice/drawings/:drawingId'),
  },
  /** Dashboards, the board report and benchmark figures (issue 6). `query` is a figure choice's query string. */
  dashboards: {
    show: path('/dashboards'),
    csv: path('/dashboards/tables/:tableFile', ({ tableId }: { tableId: string }, query = '') => fillPattern('/dashboards/tables/:tableFile', { tableFile: `${tableId}.csv` }) + queryString(query)),
    chart: path('/dashboards/charts/:chartFile', ({ tableId }: { tableId: string }, query = '') => fillPattern('/dashboards/charts/:chartFile', { chartFile: `${tableId}.svg` }) + queryString(query)),
    boardReport: path('/dashboards/board-report'),
    benchmarks: path('/dashboards/benchmarks'),
  },
  /** Board paper editions: drafted section by section, published frozen (issue 14). `edition` is the edition's number. */
  boardPapers: {
    list: path('/board-papers'),
    start: path('/board-papers/new'),
    edition: path('/board-papers/:edition'),
    cover: path('/board-papers/:edition/cover'),
    section: path('/board-papers/:edition/sections/:sectionKey'),
    publish: path('/board-papers/:edition/publish'),
    download: path('/board-papers/:edition/paper.:format'),
  },
  /** Training records: the staff register, courses, sessions, registers and coverage (issue 7). */
  training: {
    coverage: path('/training'),
    staff: path('/training/staff'),
    newStaff: path('/training/staff/new'),
    editStaff: path('/training/staff/:staffId/edit'),
    courses: path('/training/courses'),
    newCourse: path('/training/courses/new'),
    newSession: path('/training/courses/:courseId/sessions/new'),
    sessions: path('/training/sessions'),
    register: path('/training/sessions/:sessionId/register'),
    correctSession: path('/training/sessions/:sessionId/correct'),
    withdrawSession: path('/training/sessions/:sessionId/withdraw'),
  },
  /** The quality report: audits, surveys and training before and after (issue 7). `query` is the report's choices. */
  quality: {
    report: path('/quality'),
    download: path('/quality/report.:format'),
  },
  /** Data quality all year and the statutory returns (issue 17, ADR 0047). */
  dataQuality: {
    issues: path('/data-quality'),
    checkNow: path('/data-quality/check'),
    /** Mark a query "checked, correct": `code`, `table` and `record` name the query and its record, in `year`'s rules. */
    markChecked: path('/data-quality/checked/new', (query: { code: string; table: string; record: string; year: string }) => `/data-quality/checked/new${queryString(query)}`),
    checked: path('/data-quality/checked'),
    withdrawMark: path('/data-quality/checked/:markId/withdraw'),
    returns: path('/returns'),
    /** One file of a built return, or its manifest (`manifest.json`). */
    returnFile: path('/returns/:kind/:year/:fileName'),
  },
  /** Case file audits: rubrics, audit rounds, allocation, grading, moderation and results (issue 7). */
  caseFileAudits: {
    home: path('/case-file-audits'),
    rubric: path('/case-file-audits/rubrics/:rubricId'),
    newRubric: path('/case-file-audits/rubrics/new'),
    newVersion: path('/case-file-audits/rubrics/:rubricId/new-version'),
    newRound: path('/case-file-audits/rounds/new'),
    round: path('/case-file-audits/rounds/:roundId'),
    allocate: path('/case-file-audits/rounds/:roundId/allocate'),
    moderation: path('/case-file-audits/rounds/:roundId/moderation'),
    results: path('/case-file-audits/rounds/:roundId/results'),
    fileAuditor: path('/case-file-audits/files/:fileId/auditor'),
    grade: path('/case-file-audits/files/:fileId/grade'),
    moderate: path('/case-file-audits/files/:fileId/moderate'),
  },
  /** Surveys of families and staff: questionnaires, waves, single-use links, results and comparisons (issue 7). */
  surveys: {
    list: path('/surveys'),
    new: path('/surveys/new'),
    show: path('/surveys/:surveyId'),
    newQuestion: path('/surveys/:surveyId/questions/new'),
    changeDetails: path('/surveys/:surveyId/details'),
    changeQuestion: path('/surveys/:surveyId/questions/:questionId/change'),
    removeQuestion: path('/surveys/:surveyId/questions/:questionId/remove'),
    moveQuestionUp: path('/surveys/:surveyId/questions/:questionId/move-up'),
    newWave: path('/surveys/:surveyId/waves/new'),
    compare: path('/surveys/:surveyId/compare'),
    links: path('/surveys/waves/:waveId/links'),
    close: path('/surveys/waves/:waveId/close'),
    correctWave: path('/surveys/waves/:waveId/correct'),
    results: path('/surveys/waves/:waveId/results'),
    /** The public page a single-use link opens (no account). */
    respond: path('/survey/:token'),
    thanks: path('/survey/thank-you'),
  },
} as const;
