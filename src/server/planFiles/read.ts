// Reading an uploaded plan file: which kind it is from its first bytes (never from its name or the
// type the browser claims), then the JSON plan file or the XLSX template. Every way a file can be
// wrong ends as problems in Vietnamese; nothing here throws on bad input.
import { PLAN_FILE_FORMAT, loadPlanFile, unitTreeIssues } from '../../shared/planFile'
import { PLAN_FILE_MAX_BYTES, type PlanFileProblem } from '../../shared/planImport'
import { issueProblem, type ReadPlanFile } from '../db/planImport'
import { readPlanXlsx } from './xlsx'

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b)

/** Kinds of file an officer may pick by mistake, told apart by their first bytes. */
const NOT_A_PLAN: readonly { magic: readonly number[]; message: string }[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0], message: 'Tệp là bảng tính Excel 97–2003 (.xls) hoặc Word cũ (.doc): hãy mở bằng Excel và lưu lại dưới dạng .xlsx' },
  { magic: [0x25, 0x50, 0x44, 0x46], message: 'Tệp là tài liệu PDF, không phải bảng tính kế hoạch (.xlsx) hay tệp kế hoạch (.json)' },
]

const refuse = (format: ReadPlanFile['format'], message: string): ReadPlanFile => ({ format, ok: false, problems: [{ message }] })

/** The plan in an uploaded file, or every problem found in it. */
export async function readPlanUpload(bytes: Buffer): Promise<ReadPlanFile> {
  if (bytes.length === 0) return refuse('json', 'Tệp rỗng')
  if (bytes.length > PLAN_FILE_MAX_BYTES) return refuse('xlsx', `Tệp quá lớn (tối đa ${PLAN_FILE_MAX_BYTES / 1024 / 1024} MB)`)
  if (startsWith(bytes, [0x50, 0x4b])) {
    const read = await readPlanXlsx(bytes)
    return read.ok ? { format: 'xlsx', ok: true, bundle: read.bundle, warnings: read.warnings } : { format: 'xlsx', ok: false, problems: read.problems }
  }
  for (const other of NOT_A_PLAN) if (startsWith(bytes, other.magic)) return refuse('xlsx', other.message)
  return readPlanJson(bytes)
}

function readPlanJson(bytes: Buffer): ReadPlanFile {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return refuse('json', 'Tệp không phải bảng tính Excel (.xlsx) hay tệp kế hoạch (.json)')
  }
  if (!text.trimStart().startsWith('{')) return refuse('json', 'Tệp không phải bảng tính Excel (.xlsx) hay tệp kế hoạch (.json)')
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (err) {
    return refuse('json', `Tệp JSON hỏng, không đọc được (${err instanceof Error ? err.message : 'lỗi cú pháp'})`)
  }
  const format = (input as { format?: unknown }).format
  if (format !== PLAN_FILE_FORMAT) {
    return refuse('json', typeof format === 'string' ? `Tệp kế hoạch phiên bản “${format.slice(0, 40)}” không đọc được; ứng dụng đọc “${PLAN_FILE_FORMAT}”` : `Tệp JSON không phải tệp kế hoạch (thiếu “format”: “${PLAN_FILE_FORMAT}”)`)
  }
  const loaded = loadPlanFile(input)
  if (!loaded.ok) return { format: 'json', ok: false, problems: loaded.errors.map((e): PlanFileProblem => ({ path: e.path, message: e.message })) }
  const { file } = loaded
  // The plan itself is checked by the import against the commune's units and the file's together
  // (a unit the file names without listing it may be one of the commune's); here only the file's
  // own unit list: a code twice.
  const problems = unitTreeIssues(file.units).filter((i) => i.code === 'duplicate_code').map(issueProblem)
  if (problems.length > 0) return { format: 'json', ok: false, problems }
  // The commune and the accounts are the sending commune's: the plan is imported into this one.
  const warnings: PlanFileProblem[] = file.accounts.length > 0 ? [{ path: 'accounts', message: `Tệp có ${file.accounts.length} tài khoản: tài khoản không được nhập từ tệp` }] : []
  return { format: 'json', ok: true, bundle: { plan: file.plan, units: file.units, periods: file.periods }, warnings }
}
