/** The records' PDFs in the OpenAPI document (openapi.ts). */
type JsonObject = Record<string, unknown>;

const RECORDS = [
  { path: '/partenariats/{id}.pdf', operationId: 'partnershipPdf', summary: 'A partnership as a short PDF, in the printed directory’s layout', what: 'the partnership’s id' },
  { path: '/collectivites/{id}.pdf', operationId: 'collectivityPdf', summary: 'A collectivity and its partnerships as a short PDF, in the printed directory’s layout', what: 'the collectivity’s id' },
];

export function recordPdfPathItems(errorResponse: (description: string) => JsonObject): Record<string, JsonObject> {
  return Object.fromEntries(
    RECORDS.map((record) => [
      record.path,
      {
        get: {
          operationId: record.operationId,
          summary: record.summary,
          description: 'Printed by Chromium for each request, as the public sees the record (named people’s coordinates left out unless they consented).',
          tags: ['exports'],
          security: [],
          parameters: [{ name: 'id', in: 'path', required: true, description: record.what, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'the PDF, as an attachment', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } },
            '404': errorResponse('no such record'),
            '503': errorResponse('too many prints in progress: try again after Retry-After'),
          },
        },
      },
    ]),
  );
}
