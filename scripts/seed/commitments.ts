import { ensureStandardTemplates } from '../../server/domain/commitments/templates'
import type { Database } from '../../server/utils/db'

/** The standard 信用承诺书 templates (config/commitments.ts), for each type that has none yet. */
export function seedCommitmentTemplates(db: Database): Promise<number> {
  return ensureStandardTemplates(db)
}
