import { repairDecisionByNumber } from '../../domain/repairs/decisionView'

/** Public verification of a 信用修复决定书 by its number (2026-7 for 朝信修决〔2026〕7号): nothing non-public. */
export default defineEventHandler(async (event) => {
  const { db } = await usePlatform()
  return repairDecisionByNumber(db, await textParam(event, 'number'))
})
