/**
 * The OpenAPI 3 description of the API, written by hand beside the routes
 * (`routes.ts`) and served at GET /api/openapi.json. `api.test.ts` checks that every
 * route it exercises is described here.
 */

const error = { $ref: '#/components/responses/Error' }
const json = (schema: object) => ({ content: { 'application/json': { schema } } })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const q = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema })
const DATE = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }
const CATEGORY = { type: 'string', enum: ['deployed', 'killed', 'wounded', 'casualties', 'captured', 'missing', 'displaced', 'munitions', 'money', 'other'] }
const claimFilters = [
  q('source', 'Substring of the source name, case-insensitive'),
  q('figure', 'Figure id (claims of that figure only)'),
  q('category', 'What is counted', CATEGORY),
  q('since', 'Published on or after (YYYY, YYYY-MM or YYYY-MM-DD)', DATE),
  q('until', 'Published on or before', DATE),
  q('text', 'Full-text query over quote, counted phrase and source'),
]
const figureIdPath = { name: 'id', in: 'path', required: true, description: 'Figure id; its slashes may be literal or %2F', schema: { type: 'string' } }
const writeSecurity = [{ bearer: [] }]

/** The OpenAPI document. */
export const openApiDocument = {
  openapi: '3.0.3',
  info: {
    title: 'claimtrail API',
    version: '0.1.0',
    description: 'Figures claimed in news articles, by source and over time, each backed by its quote. Writes need a bearer token when the server has one (`--token` or CLAIMTRAIL_TOKEN); POST /api/extract stores nothing and is always open. Errors are `{"error": {"code", "message"}}`.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/figures': {
      get: {
        summary: 'List figures', parameters: [q('category', 'What is counted', CATEGORY), q('status', 'Figure status', ref('Status'))],
        responses: { 200: { description: 'Figures', ...json({ type: 'object', properties: { total: { type: 'integer' }, figures: { type: 'array', items: ref('Figure') } } }) }, 400: error },
      },
    },
    '/api/figures/{id}': {
      get: {
        summary: 'One figure with its timeline', parameters: [figureIdPath],
        responses: { 200: { description: 'The figure', ...json(ref('FigureDetail')) }, 404: error },
      },
    },
    '/api/figures/merge': {
      post: {
        summary: 'Merge one figure into another (a stored decision that survives re-ingest)', security: writeSecurity,
        requestBody: { required: true, ...json({ type: 'object', required: ['figure', 'into'], properties: { figure: { type: 'string' }, into: { type: 'string' } } }) },
        responses: { 200: { description: 'The merged figure', ...json(ref('DecisionResult')) }, 400: error, 401: error, 404: error, 413: error },
      },
    },
    '/api/figures/{id}/split': {
      post: {
        summary: 'Move some claims of a figure into a new figure', security: writeSecurity, parameters: [figureIdPath],
        requestBody: { required: true, ...json({ type: 'object', required: ['claimKeys'], properties: { claimKeys: { type: 'array', items: { type: 'string' }, minItems: 1 }, label: { type: 'string' }, newFigure: { type: 'string', pattern: '^[a-z0-9~-]+(/[a-z0-9~-]+)*$', description: 'Default: the figure id and ~2, ~3, … as claimtrail figure split makes it' } } }) },
        responses: { 201: { description: 'The new figure and what is left of the old one', ...json(ref('DecisionResult')) }, 400: error, 401: error, 404: error, 409: error },
      },
    },
    '/api/figures/{id}/rename': {
      post: {
        summary: 'Give a figure a new label', security: writeSecurity, parameters: [figureIdPath],
        requestBody: { required: true, ...json({ type: 'object', required: ['label'], properties: { label: { type: 'string', minLength: 1, maxLength: 200 } } }) },
        responses: { 200: { description: 'The renamed figure', ...json(ref('DecisionResult')) }, 400: error, 401: error, 404: error },
      },
    },
    '/api/edits': {
      get: {
        summary: 'The edit log: every merge, split and rename, newest first, undone ones included',
        parameters: [q('limit', 'Page size (1-500, default 50)', { type: 'integer' }), q('offset', 'Edits to skip', { type: 'integer' })],
        responses: { 200: { description: 'A page of edits', ...json({ type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, edits: { type: 'array', items: ref('Edit') } } }) }, 400: error },
      },
    },
    '/api/edits/{id}/undo': {
      post: {
        summary: 'Undo an edit: the figures become what they were without it. Send Content-Type: application/json (any body, or none)', security: writeSecurity,
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The edit id (GET /api/edits)', schema: { type: 'integer' } }],
        responses: {
          200: { description: 'The undone edit, and the figure it named as it is now (null if gone)', ...json({ type: 'object', properties: { edit: ref('Edit'), figure: { allOf: [ref('Figure')], nullable: true } } }) },
          400: error, 401: error, 404: error,
          409: error,
        },
      },
    },
    '/api/claims': {
      get: {
        summary: 'Claims with filters and pagination',
        parameters: [...claimFilters, q('limit', 'Page size (1-500, default 50)', { type: 'integer' }), q('offset', 'Rows to skip', { type: 'integer' }), q('cursor', 'nextCursor of the previous page (instead of offset)')],
        responses: { 200: { description: 'A page of claims', ...json({ type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, nextCursor: { type: 'string', nullable: true }, claims: { type: 'array', items: ref('Claim') } } }) }, 400: error, 404: error },
      },
    },
    '/api/articles': {
      get: {
        summary: 'Stored articles',
        parameters: [q('text', 'Full-text query over title and text'), q('outlet', 'Outlet, exact, case-insensitive'), q('since', 'Published on or after', DATE), q('until', 'Published on or before', DATE), q('limit', 'Page size (1-500)', { type: 'integer' }), q('offset', 'Rows to skip', { type: 'integer' })],
        responses: { 200: { description: 'A page of articles', ...json({ type: 'object', properties: { total: { type: 'integer' }, articles: { type: 'array', items: ref('Article') } } }) }, 400: error },
      },
      post: {
        summary: 'Ingest one article (analysed and stored; idempotent by URL and content)', security: writeSecurity,
        requestBody: { required: true, ...json({ type: 'object', properties: { text: { type: 'string' }, html: { type: 'string' }, id: { type: 'string' }, url: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' }, published: { type: 'string', format: 'date' } }, description: 'Exactly one of text or html.' }) },
        responses: {
          201: { description: 'Stored', ...json({ type: 'object', properties: { status: { type: 'string', enum: ['inserted'] }, key: { type: 'string' }, claims: { type: 'integer' }, warnings: { type: 'array', items: { type: 'string' }, description: "the extractor's warnings, e.g. a language it does not read (then no claims)" } } }) },
          200: { description: 'Already stored', ...json({ type: 'object', properties: { status: { type: 'string', enum: ['duplicate'] }, key: { type: 'string' }, by: { type: 'string', enum: ['url', 'content'] } } }) },
          400: error, 401: error, 413: error,
        },
      },
    },
    '/api/articles/{key}': {
      get: {
        summary: 'One article: text, annotations (code-point offsets) and its claims', parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: { description: 'The article', ...json({ type: 'object', properties: { article: ref('Article'), text: { type: 'string' }, annotations: { type: 'object', description: 'entities, quantities, attributions and claims as in the extract JSON contract' }, claims: { type: 'array', items: ref('Claim') } } }) }, 404: error },
      },
    },
    '/api/sources': {
      get: { summary: 'Sources cited for figures', responses: { 200: { description: 'Sources', ...json({ type: 'object', properties: { total: { type: 'integer' }, sources: { type: 'array', items: ref('Source') } } }) } } },
    },
    '/api/sources/{name}': {
      get: {
        summary: "A source's claims over time", parameters: [{ name: 'name', in: 'path', required: true, description: 'The name /api/sources gives (e.g. nis, generic:officials@Outlet, voice:Outlet), or a named source as written', schema: { type: 'string' } }],
        responses: { 200: { description: 'The source and its claims, oldest first', ...json({ type: 'object', properties: { source: ref('Source'), claims: { type: 'array', items: ref('Claim') } } }) }, 404: error },
      },
    },
    '/api/search': {
      get: {
        summary: 'Full-text search over articles and claims (and figure labels)', parameters: [{ ...q('q', 'Words to find'), required: true }, q('limit', 'Items per kind (1-100, default 20; with group=1, claim groups)', { type: 'integer' }), q('group', '1: one claims item per group of claims that read the same (a wire story carried by several outlets), with `articles` listing each copy; 0 (default): every matching claim', { type: 'string', enum: ['0', '1'] })],
        responses: { 200: { description: 'Matches by kind, each with its total; `claims` also has `groups` (how many groups of claims that read the same), and each claim its `group` (the key of the group\'s first claim) and `copies` (the group\'s size)', ...json({ type: 'object' }) }, 400: error },
      },
    },
    '/api/export': {
      get: {
        summary: 'Every point of every figure with its citation (outlet, URL, date, quote), as CSV or JSON; the columns of `claimtrail export`',
        parameters: [q('format', 'csv (default) or json', { type: 'string', enum: ['csv', 'json'] }), q('figure', 'Only this figure'), q('category', 'What is counted', CATEGORY), q('since', 'Published on or after', DATE), q('until', 'Published on or before', DATE)],
        responses: { 200: { description: 'The export', content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } }, 400: error, 404: error },
      },
    },
    '/api/extract': {
      post: {
        summary: 'Analyse a text; nothing is stored (no token needed)',
        requestBody: { required: true, ...json({ type: 'object', required: ['text'], properties: { text: { type: 'string' }, published: { type: 'string', format: 'date' }, id: { type: 'string' }, title: { type: 'string' } } }) },
        responses: { 200: { description: 'The JSON document of the extract contract (DESIGN.md)', ...json({ type: 'object' }) }, 400: error, 413: error },
      },
    },
    '/api/openapi.json': { get: { summary: 'This description', responses: { 200: { description: 'OpenAPI 3 document', ...json({ type: 'object' }) } } } },
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    responses: {
      Error: {
        description: 'An error: a stable code and a one-line message',
        ...json({ type: 'object', properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: ['BAD_INPUT', 'USAGE', 'UNAUTHORIZED', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'CONFLICT', 'TOO_LARGE', 'UNSUPPORTED', 'PIPELINE', 'STORE', 'INTERNAL'] }, message: { type: 'string' } } } } }),
      },
    },
    schemas: {
      Status: { type: 'string', enum: ['corroborated', 'conflicting', 'revised', 'single-source'] },
      Figure: {
        type: 'object',
        properties: {
          id: { type: 'string' }, label: { type: 'string' }, category: CATEGORY, subject: { type: 'string', nullable: true }, counted: { type: 'string' },
          planned: { type: 'boolean' }, additional: { type: 'boolean', description: 'Its claims add to an earlier count ("another 3,000")' }, points: { type: 'integer', description: 'How many claims' }, independentSources: { type: 'integer' },
          independentReports: { type: 'integer' }, status: ref('Status'), first: { type: 'string', nullable: true }, last: { type: 'string', nullable: true },
          latest: { type: 'string', nullable: true }, aliases: { type: 'array', items: { type: 'string' } },
        },
      },
      FigureDetail: {
        allOf: [ref('Figure'), { type: 'object', properties: { timeline: { type: 'array', items: ref('TimelinePoint') } } }],
      },
      TimelinePoint: {
        type: 'object',
        properties: {
          claimKey: { type: 'string' }, date: { type: 'string', nullable: true }, dateIsAsOf: { type: 'boolean' }, published: { type: 'string', nullable: true },
          value: { type: 'number', nullable: true }, low: { type: 'number', nullable: true }, high: { type: 'number', nullable: true },
          approx: { type: 'boolean' }, bound: { type: 'string', enum: ['at_least', 'at_most'], nullable: true }, vague: { type: 'boolean' },
          source: { type: 'string', nullable: true }, origin: { type: 'string' }, outlet: { type: 'string', nullable: true }, url: { type: 'string', nullable: true },
          articleKey: { type: 'string' }, storyGroup: { type: 'string' }, quote: { type: 'string' }, status: ref('Status'),
          start: { type: 'integer', nullable: true, description: "Code-point offset of the claim's quantity in the article" },
        },
      },
      Claim: {
        type: 'object',
        properties: {
          key: { type: 'string' }, figure: { type: 'string', nullable: true }, quantityText: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' },
          value: { type: 'number', nullable: true }, low: { type: 'number', nullable: true }, high: { type: 'number', nullable: true }, approx: { type: 'boolean' },
          bound: { type: 'string', nullable: true }, category: CATEGORY, countedText: { type: 'string' }, subject: { type: 'string', nullable: true },
          planned: { type: 'boolean' }, additional: { type: 'boolean' },
          source: { type: 'string', nullable: true }, sourceEntity: { type: 'string', nullable: true }, cue: { type: 'string', nullable: true },
          asOf: { type: 'string', nullable: true }, quote: { type: 'string' }, articleKey: { type: 'string' }, outlet: { type: 'string', nullable: true },
          url: { type: 'string', nullable: true }, title: { type: 'string', nullable: true }, published: { type: 'string', nullable: true },
        },
      },
      Article: {
        type: 'object',
        properties: {
          key: { type: 'string' }, contentHash: { type: 'string' }, sourceId: { type: 'string' }, url: { type: 'string', nullable: true },
          title: { type: 'string', nullable: true }, outlet: { type: 'string', nullable: true }, published: { type: 'string', nullable: true },
          language: { type: 'string' }, extractor: { type: 'string' }, ingestedAt: { type: 'string' }, claimCount: { type: 'integer' },
        },
      },
      Source: {
        type: 'object',
        properties: {
          name: { type: 'string' }, label: { type: 'string' }, claims: { type: 'integer' }, articles: { type: 'integer' },
          outlets: { type: 'array', items: { type: 'string' } }, first: { type: 'string', nullable: true }, last: { type: 'string', nullable: true },
          figures: { type: 'array', items: { type: 'string' }, description: 'Ids of the figures it gives estimates for' },
        },
      },
      DecisionResult: {
        type: 'object',
        properties: { decision: { type: 'object', properties: { id: { type: 'integer', description: 'The edit id, to undo it: POST /api/edits/{id}/undo' }, body: { type: 'object' }, createdAt: { type: 'string' }, undoneAt: { type: 'string', nullable: true }, before: { type: 'object', nullable: true } } }, figure: ref('Figure'), from: ref('Figure') },
      },
      Edit: {
        type: 'object',
        description: 'A merge, split or rename: the decision\'s fields (kind, figure, into, claimKeys, newFigure, label) and its state',
        properties: {
          id: { type: 'integer' }, kind: { type: 'string', enum: ['merge', 'split', 'rename'] }, figure: { type: 'string' },
          into: { type: 'string' }, claimKeys: { type: 'array', items: { type: 'string' } }, newFigure: { type: 'string' }, label: { type: 'string', nullable: true },
          createdAt: { type: 'string' }, undoneAt: { type: 'string', nullable: true }, applied: { type: 'boolean' },
          description: { type: 'string', description: 'What it did, in words' },
          before: { type: 'array', nullable: true, description: 'The figures it touched as they were before it: id, label, points', items: { type: 'object' } },
          undoable: { type: 'boolean' }, blockedBy: { type: 'array', items: { type: 'integer' }, description: 'Later edits that build on it: undo them first' },
        },
      },
    },
  },
} as const
