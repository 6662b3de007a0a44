import type { FlatAmount } from '../model/types.ts'
import { canonicalSource, countedHead, isNamedSource, slug } from './canonical.ts'

/**
 * Figures and timelines: claims that measure the same thing form a figure; each figure
 * has a timeline of points (one per claim) with statuses that say whether independent
 * sources agree, conflict, or a source revised itself.
 *
 * Everything here is pure: claims, story groups and decisions in, figures out.
 */

/** What reconcile reads of a stored claim (the store's rows satisfy it structurally). */
export interface FigureClaim extends FlatAmount {
  /** Stable key: article key + quantity offsets + value; survives re-ingest and re-extraction. */
  readonly key: string
  readonly articleKey: string
  readonly category: string
  readonly countedText: string
  readonly subject: string | null
  readonly planned: boolean
  /** Adds to an earlier count ("another 3,000"): such claims make a figure of their own. */
  readonly additional: boolean
  readonly quantityText: string
  readonly source: string | null
  readonly sourceEntity: string | null
  readonly cue: string | null
  readonly asOf: string | null
  readonly quote: string
  readonly outlet: string | null
  readonly url: string | null
  readonly title: string | null
  readonly published: string | null
}

/** A user's decision about figures, applied in the order made. Keyed by stable ids only. */
export type Decision =
  | { readonly kind: 'merge'; readonly figure: string; readonly into: string }
  | { readonly kind: 'split'; readonly figure: string; readonly claimKeys: readonly string[]; readonly newFigure: string; readonly label: string | null }
  | { readonly kind: 'rename'; readonly figure: string; readonly label: string }

/** Status of one point of a timeline. */
export type PointStatus = 'revised' | 'conflicting' | 'corroborated' | 'single-source'
/** Status of a figure: the most pressing of its points' statuses. */
export type FigureStatus = PointStatus

/** One estimate on a figure's timeline. */
export interface TimelinePoint extends FlatAmount {
  readonly claimKey: string
  /** The date the figure is for: `asOf` when the text says so, else the publication date. */
  readonly date: string | null
  readonly dateIsAsOf: boolean
  readonly published: string | null
  readonly text: string
  /** Who gives the figure, as written ("Western officials"), or null for the outlet's own voice. */
  readonly source: string | null
  /** Identity used for independence: canonical named source, or a generic source scoped to its story. */
  readonly origin: string
  readonly outlet: string | null
  readonly url: string | null
  readonly title: string | null
  readonly articleKey: string
  /** Representative article of the story group this article belongs to (itself when not a copy). */
  readonly storyGroup: string
  readonly quote: string
  readonly status: PointStatus
  /** Claim keys of points from other origins that agree with this one (within the window). */
  readonly agreesWith: readonly string[]
  readonly conflictsWith: readonly string[]
  /** Claim key of the same origin's later, different estimate, when it revised this one. */
  readonly revisedBy: string | null
}

/** A figure: what is counted, and its timeline. */
export interface Figure {
  readonly id: string
  readonly label: string
  readonly category: string
  readonly subject: string | null
  readonly counted: string
  readonly planned: boolean
  /** Its claims add to an earlier count ("another 3,000") rather than state a total. */
  readonly additional: boolean
  /** Ids of figures merged into this one (their ids resolve here). */
  readonly aliases: readonly string[]
  readonly points: readonly TimelinePoint[]
  /** Distinct origins after grouping syndicated copies. */
  readonly independentSources: number
  /** Distinct story groups that report the figure. */
  readonly independentReports: number
  readonly status: FigureStatus
}

/** Tuning of {@link buildFigures}. */
export interface ReconcileOptions {
  /** Relative tolerance within which two estimates agree (default 0.1: 10%). */
  readonly tolerance?: number
  /** Only estimates dated within this many days of each other are compared (default 31). */
  readonly windowDays?: number
  /**
   * Outlet of every article by key, including articles without claims: a story group is
   * scoped by its first article's outlet, which may have no claim of its own.
   */
  readonly articleOutlets?: ReadonlyMap<string, string | null>
}

/**
 * Relative tolerance within which two estimates agree. 10%: reports round ("about 11,000"
 * vs "10,900"), and a wider band would call 10,000 and 12,000 the same figure.
 */
export const DEFAULT_TOLERANCE = 0.1
/** Estimates more than a month apart describe different moments of a moving figure. */
export const DEFAULT_WINDOW_DAYS = 31

const CATEGORY_WORDS: Record<string, string> = {
  deployed: 'deployed', killed: 'killed', wounded: 'wounded', casualties: 'casualties (killed or wounded)',
  captured: 'captured', missing: 'missing', displaced: 'displaced', munitions: 'supplied', money: 'sum', other: '',
}

/**
 * The figure a claim belongs to before any user decision: category, subject, counted head,
 * plan, and whether it is an addition ("another 3,000 troops" is not a new total of troops;
 * a planned figure is one already, so plans are not split further).
 */
export function naturalFigureId(c: Pick<FigureClaim, 'category' | 'subject' | 'countedText' | 'planned'> & { readonly unit?: string | null; readonly additional?: boolean }): string {
  const head = figureHead(c)
  const measure = measureOf(c)
  return [c.category, slug(c.subject ?? 'unknown'), slug(head)].join('/') + (measure === null ? '' : `/${measure}`) +
    (c.planned ? '/planned' : c.additional === true ? '/additional' : '')
}

/**
 * What a claim's number measures when it is no count: a share ("40% of the troops were
 * killed") or a multiple of another figure ("doubling", "more than three times"). Each is a
 * figure of its own: in a timeline of counts, 2 beside 600 would read as a revision to 2.
 * Money keeps its currency as its head instead.
 */
function measureOf(c: Pick<FigureClaim, 'category'> & { readonly unit?: string | null }): 'share' | 'multiple' | null {
  if (c.category === 'money') return null
  return c.unit === '%' ? 'share' : c.unit === 'times' ? 'multiple' : null
}

// Sums of money are counted in their currency: dollars and won are different figures.
function figureHead(c: Pick<FigureClaim, 'category' | 'countedText'> & { readonly unit?: string | null }): string {
  return c.category === 'money' ? (c.unit ?? 'money') : countedHead(c.countedText, c.category)
}

function naturalLabel(c: FigureClaim): string {
  const head = figureHead(c)
  const words = [c.subject ?? '', head, CATEGORY_WORDS[c.category] ?? c.category].filter((w) => w !== '')
  const label = words.join(' ')
  // "Troops wounded (whose not stated)" rather than a made-up owner called "Unknown"
  const measure = measureOf(c)
  return label.charAt(0).toUpperCase() + label.slice(1) + (c.subject === null ? ' (whose not stated)' : '') +
    (measure === 'share' ? ' (share, %)' : measure === 'multiple' ? ' (multiple of another figure)' : '') +
    (c.planned ? ' (planned)' : c.additional ? ' (additions)' : '')
}

/** The origin of a claim for independence counting; see {@link TimelinePoint.origin}. */
export function originOf(c: FigureClaim, storyGroup: string, groupOutlet: string | null): string {
  const name = c.sourceEntity ?? c.source
  const scope = groupOutlet ?? storyGroup
  if (name === null) return `voice:${scope}`
  if (c.sourceEntity !== null || isNamedSource(name)) return `source:${canonicalSource(name)}`
  return `generic:${canonicalSource(name)}@${scope}`
}

/** Day number of an ISO date, month or year (its first day); null when absent or unreadable. */
export function dayNumber(date: string | null): number | null {
  if (date === null) return null
  const m = date.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/)
  if (!m) return null
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1)
  return Math.floor(t / 86_400_000)
}

/**
 * The day a point stands for on the timeline. A day-precise `asOf` is that day. A coarser
 * `asOf` ("in October", "2024") stands for the publication day when that falls inside
 * the period (the figure is current), else for the period's last day (the latest the
 * figure can describe), or its first day when the period is still ahead (plans).
 */
export function pointDay(asOf: string | null, published: string | null): number | null {
  const pub = dayNumber(published)
  if (asOf === null) return pub
  const start = dayNumber(asOf)
  if (start === null) return pub
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return start
  const [y, m] = asOf.split('-').map(Number)
  const end = m ? Math.floor(Date.UTC(y, m, 0) / 86_400_000) : Math.floor(Date.UTC(y, 11, 31) / 86_400_000)
  if (pub === null) return start
  if (pub >= start && pub <= end) return pub
  return pub > end ? end : start
}

/** The interval an estimate admits: a point, a range, or half-open for bounds. */
export function interval(p: Pick<FigureClaim, 'value' | 'low' | 'high' | 'bound'>): [number, number] | null {
  const lo = p.value ?? p.low
  const hi = p.value ?? p.high
  if (lo === null || hi === null) return null
  if (p.bound === 'at_least') return [lo, Infinity]
  if (p.bound === 'at_most') return [0, hi]
  return [lo, hi]
}

/** Whether two estimates agree: their intervals, each widened by the tolerance, overlap. */
export function estimatesAgree(
  a: Pick<FigureClaim, 'value' | 'low' | 'high' | 'bound'>, b: Pick<FigureClaim, 'value' | 'low' | 'high' | 'bound'>,
  tolerance = DEFAULT_TOLERANCE,
): boolean {
  const x = interval(a)
  const y = interval(b)
  if (x === null || y === null) return false
  return x[0] * (1 - tolerance) <= y[1] * (1 + tolerance) && y[0] * (1 - tolerance) <= x[1] * (1 + tolerance)
}

function sameEstimate(a: FigureClaim, b: FigureClaim): boolean {
  return a.value === b.value && a.low === b.low && a.high === b.high && a.bound === b.bound
}

interface Assigned {
  readonly claim: FigureClaim
  figure: string
}

/**
 * Group claims into figures, apply the user's decisions, and compute each figure's
 * timeline and statuses.
 *
 * @param storyGroups article key -> representative article key (from `groupNearDuplicates`);
 *   articles missing from the map are their own group.
 * @example
 * const figures = buildFigures(claims, groupNearDuplicates(signed), decisions)
 * figures.find((f) => f.id === 'deployed/north-korea/troops')?.status
 */
export function buildFigures(
  claims: readonly FigureClaim[], storyGroups: ReadonlyMap<string, string>,
  decisions: readonly Decision[] = [], options: ReconcileOptions = {},
): Figure[] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS
  const assigned: Assigned[] = claims.map((claim) => ({ claim, figure: naturalFigureId(claim) }))
  const labels = new Map<string, string>()
  const aliases = new Map<string, string[]>()
  for (const a of assigned) if (!labels.has(a.figure)) labels.set(a.figure, naturalLabel(a.claim))
  // Decisions apply in the order made, so a claim that arrives later (re-ingest) follows
  // the same path: its natural figure, then every merge and split that matches it.
  const mergedInto = new Map<string, string>()
  const current = (id: string): string => {
    let cur = id
    for (let i = 0; i < 100 && mergedInto.has(cur); i++) cur = mergedInto.get(cur) as string
    return cur
  }
  for (const d of decisions) {
    if (d.kind === 'merge') {
      const from = current(d.figure)
      const into = current(d.into)
      if (from === into) continue
      for (const a of assigned) if (a.figure === from) a.figure = into
      mergedInto.set(from, into)
      aliases.set(into, [...(aliases.get(into) ?? []), from, ...(aliases.get(from) ?? [])])
      aliases.delete(from)
    } else if (d.kind === 'split') {
      const keys = new Set(d.claimKeys)
      for (const a of assigned) if (keys.has(a.claim.key)) a.figure = d.newFigure
      if (d.label !== null) labels.set(d.newFigure, d.label)
      else if (!labels.has(d.newFigure)) labels.set(d.newFigure, `${labels.get(current(d.figure)) ?? d.figure} (split)`)
    } else {
      labels.set(current(d.figure), d.label)
    }
  }

  // Story groups are named by their earliest article; its outlet scopes generic sources.
  const outletOf = new Map<string, string | null>(options.articleOutlets ?? [])
  for (const c of claims) if (!outletOf.has(c.articleKey)) outletOf.set(c.articleKey, c.outlet)
  const byFigure = new Map<string, FigureClaim[]>()
  for (const a of assigned) {
    const list = byFigure.get(a.figure)
    if (list) list.push(a.claim)
    else byFigure.set(a.figure, [a.claim])
  }
  const figures: Figure[] = []
  for (const [id, list] of byFigure) {
    const first = list[0]
    const points = timeline(list, storyGroups, outletOf, tolerance, windowDays)
    figures.push({
      id, label: labels.get(id) ?? naturalLabel(first),
      category: first.category, subject: first.subject, counted: figureHead(first),
      planned: first.planned, additional: !first.planned && first.additional, aliases: aliases.get(id) ?? [], points,
      independentSources: new Set(points.map((p) => p.origin)).size,
      independentReports: new Set(points.map((p) => p.storyGroup)).size,
      status: figureStatus(points),
    })
  }
  figures.sort((a, b) => b.independentSources - a.independentSources || b.points.length - a.points.length || a.id.localeCompare(b.id))
  return figures
}

/** Resolve a figure id through merge decisions to the figure that now holds its claims. */
export function aliasResolver(decisions: readonly Decision[]): (id: string) => string {
  const into = new Map<string, string>()
  for (const d of decisions) if (d.kind === 'merge' && d.figure !== d.into) into.set(d.figure, d.into)
  return (id) => {
    const seen = new Set<string>()
    let cur = id
    while (into.has(cur) && !seen.has(cur)) {
      seen.add(cur)
      cur = into.get(cur) as string
    }
    return cur
  }
}

const STATUS_RANK: Record<PointStatus, number> = { conflicting: 3, revised: 2, corroborated: 1, 'single-source': 0 }

/** A figure's status: conflicting if any point is, else revised, else corroborated, else single-source. */
export function figureStatus(points: readonly Pick<TimelinePoint, 'status'>[]): FigureStatus {
  let best: FigureStatus = 'single-source'
  for (const p of points) if (STATUS_RANK[p.status] > STATUS_RANK[best]) best = p.status
  return best
}

function timeline(
  claims: readonly FigureClaim[], storyGroups: ReadonlyMap<string, string>,
  outletOf: ReadonlyMap<string, string | null>, tolerance: number, windowDays: number,
): TimelinePoint[] {
  const rows = claims.map((c) => {
    const group = storyGroups.get(c.articleKey) ?? c.articleKey
    const date = c.asOf ?? c.published
    return { c, group, date, day: pointDay(c.asOf, c.published), origin: originOf(c, group, outletOf.get(group) ?? c.outlet) }
  })
  rows.sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || (a.c.published ?? '').localeCompare(b.c.published ?? '') || a.c.key.localeCompare(b.c.key))
  return rows.map((r) => {
    const agrees: string[] = []
    const conflicts: string[] = []
    let revisedBy: string | null = null
    for (const o of rows) {
      if (o === r) continue
      if (o.origin === r.origin) {
        // A revision: the same origin later gives another estimate.
        const later = o.day !== null && r.day !== null && o.day > r.day
        if (later && revisedBy === null && !sameEstimate(o.c, r.c)) revisedBy = o.c.key
        continue
      }
      if (r.day === null || o.day === null || Math.abs(o.day - r.day) > windowDays) continue
      if (estimatesAgree(r.c, o.c, tolerance)) agrees.push(o.c.key)
      else conflicts.push(o.c.key)
    }
    const status: PointStatus = revisedBy !== null ? 'revised'
      : conflicts.length > 0 ? 'conflicting'
      : agrees.length > 0 ? 'corroborated' : 'single-source'
    const c = r.c
    return {
      claimKey: c.key, date: r.date, dateIsAsOf: c.asOf !== null, published: c.published,
      value: c.value, low: c.low, high: c.high, approx: c.approx, bound: c.bound, vague: c.vague, unit: c.unit,
      text: c.quantityText, source: c.sourceEntity ?? c.source, origin: r.origin, outlet: c.outlet, url: c.url,
      title: c.title, articleKey: c.articleKey, storyGroup: r.group, quote: c.quote, status,
      agreesWith: agrees, conflictsWith: conflicts, revisedBy,
    }
  })
}

/**
 * The figure's latest estimate: its last dated point; the last point only when none is
 * dated (points without a date sort last, and an undated article is no news of the figure).
 */
export function latestPoint<P extends Pick<TimelinePoint, 'date'>>(points: readonly P[]): P | undefined {
  for (let i = points.length - 1; i >= 0; i--) if (points[i].date !== null) return points[i]
  return points[points.length - 1]
}
