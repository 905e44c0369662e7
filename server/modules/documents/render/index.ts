/** Outgoing documents in the Nghị định 30/2020 layout: see types.ts for the input the documents module maps its rows to. */
export { renderOutgoingDocx } from './docx';
export { renderOutgoingPdf } from './pdf';
export { dateLine, numberLine, signerLines, vvLine } from './layout';
export type { OutgoingDocumentView, OutgoingSignerView, SigningForm, Urgency } from './types';
