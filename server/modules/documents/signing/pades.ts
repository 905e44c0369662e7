/**
 * PAdES-B-B signatures on a PDF (ETSI EN 319 142-1): an incremental update appends a signature field
 * (widget on page 1, invisible), its /Sig dictionary with SubFilter ETSI.CAdES.detached, the signer's name,
 * reason, location and time (/M), and a /Contents placeholder; the CMS (cms.ts) over the /ByteRange —
 * the whole file except the placeholder — is then written into the placeholder. The bytes before the update
 * are kept as they are, so signing again (ký nháy, then the official signature) keeps earlier signatures valid.
 */
import { buildCadesDetached } from './cms';
import type { AgencyCredentials } from './credentials';
import { PdfFormatError, addEntry, addToArray, dictValue, firstPage, objectText, pdfDate, pdfString, readXref, refNumber } from './pdf-objects';

/** Bytes reserved for the CMS (hex-encoded twice as long in the file); 2 certificates RSA 2048/3072 take about 3 KB. */
const SIGNATURE_BYTES = 12_288;
const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

export const DEFAULT_REASON = 'Phê duyệt ban hành văn bản';

export interface SignPdfOptions {
  /** The agency's certificate and (opened) private key; caPem is embedded so a verifier can build the chain. */
  agency: Pick<AgencyCredentials, 'certPem' | 'keyPem'> & { caPem?: string };
  /** The person whose approval this signature records (/Name), e.g. "Nguyễn Văn An". */
  signer: { name: string };
  /** Default "Phê duyệt ban hành văn bản"; e.g. "Ký nháy (duyệt nội dung)" for the unit head's initials. */
  reason?: string;
  /** e.g. "Ninh Thuận". */
  location?: string;
  /** e.g. "Phó Giám đốc, Sở Nội vụ" (/ContactInfo). */
  contactInfo?: string;
  signingTime?: Date;
}

export async function signPdf(pdf: Buffer | Uint8Array, opts: SignPdfOptions): Promise<Buffer> {
  let base = Buffer.from(pdf);
  if (base.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfFormatError('Tệp không phải PDF.');
  if (!opts.signer.name?.trim()) throw new PdfFormatError('Thiếu họ tên người ký.');
  const xref = readXref(base);
  if (base[base.length - 1] !== 0x0a) base = Buffer.concat([base, Buffer.from('\n')]);

  const pageNum = firstPage(base, xref);
  const catalogNum = refNumber(xref.root);
  const catalog = objectText(base, xref, catalogNum);
  const acroRef = dictValue(catalog, 'AcroForm');
  if (/\/AcroForm\s*<</.test(catalog)) throw new PdfFormatError('AcroForm nội tuyến chưa được hỗ trợ khi ký.');
  const existingFields = acroRef ? (dictValue(objectText(base, xref, refNumber(acroRef)), 'Fields') ?? '[]') : '[]';
  const fieldCount = (existingFields.match(/\d+\s+\d+\s+R/g) ?? []).length;

  let next = Math.max(xref.size, Math.max(...xref.offsets.keys()) + 1);
  const sigNum = next++;
  const widgetNum = next++;
  const acroNum = acroRef ? refNumber(acroRef) : next++;
  const time = opts.signingTime ?? new Date();

  const sigDict = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}>`,
    `/Name ${pdfString(opts.signer.name.trim())}`,
    `/Reason ${pdfString(opts.reason ?? DEFAULT_REASON)}`,
    ...(opts.location ? [`/Location ${pdfString(opts.location)}`] : []),
    ...(opts.contactInfo ? [`/ContactInfo ${pdfString(opts.contactInfo)}`] : []),
    `/M (${pdfDate(time)})`,
    '/Prop_Build << /App << /Name /Congvu >> >>',
    '>>',
  ].join('\n');
  const widget = `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfString(`Chữ ký ${fieldCount + 1}`)}\n/Rect [0 0 0 0]\n/F 132\n/P ${pageNum} 0 R\n/V ${sigNum} 0 R\n>>`;
  const acroForm = acroRef
    ? addEntry(addToArray(objectText(base, xref, acroNum).replace(/\/SigFlags\s*\d+/, ''), 'Fields', `${widgetNum} 0 R`), '/SigFlags 3')
    : `<<\n/Fields [${widgetNum} 0 R]\n/SigFlags 3\n>>`;
  const page = addToArray(objectText(base, xref, pageNum), 'Annots', `${widgetNum} 0 R`);

  const objects = new Map<number, string>([
    [sigNum, sigDict],
    [widgetNum, widget],
    [acroNum, acroForm],
    [pageNum, page],
  ]);
  if (!acroRef) {
    // ETSI.CAdES.detached is a PDF 1.7+ (ISO 32000) feature: a catalog /Version overrides an older header (pdfmake writes 1.3).
    const withForm = addEntry(catalog, `/AcroForm ${acroNum} 0 R`);
    objects.set(catalogNum, /\/Version\s*\/\d/.test(catalog) ? withForm : addEntry(withForm, '/Version /1.7'));
  }

  const parts: Buffer[] = [base];
  let offset = base.length;
  const offsets = new Map<number, number>();
  for (const [num, text] of [...objects].sort((a, b) => a[0] - b[0])) {
    const chunk = Buffer.from(`${num} 0 obj\n${text}\nendobj\n`, 'latin1');
    offsets.set(num, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  const xrefOffset = offset;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let table = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    table += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) table += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const size = Math.max(xref.size, next);
  table += `trailer\n<<\n/Size ${size}\n/Root ${xref.root}\n${xref.info ? `/Info ${xref.info}\n` : ''}${xref.id ? `/ID ${xref.id}\n` : ''}/Prev ${xref.startxref}\n>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  const out = Buffer.concat(parts);

  // Fill the ByteRange, then sign everything but the /Contents hex string.
  const sigStart = offsets.get(sigNum)!;
  const brAt = out.indexOf(BYTE_RANGE_PLACEHOLDER, sigStart, 'latin1');
  const contentsAt = out.indexOf('/Contents <', sigStart, 'latin1') + '/Contents '.length;
  const contentsEnd = contentsAt + SIGNATURE_BYTES * 2 + 2;
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const br = `/ByteRange [${range.join(' ')}]`;
  out.write(br.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), brAt, 'latin1');
  const signed = Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]);
  const cms = buildCadesDetached(signed, { certPem: opts.agency.certPem, keyPem: opts.agency.keyPem, chainPems: opts.agency.caPem ? [opts.agency.caPem] : [] });
  if (cms.length > SIGNATURE_BYTES) throw new PdfFormatError(`Chữ ký quá lớn (${cms.length} byte).`);
  out.write(cms.toString('hex').toUpperCase(), contentsAt + 1, 'latin1');
  return out;
}
