import { agentOf, staff, type Client } from './client'
import { COMPANY, MARKET, OTHER, TAX } from './rows'
import type { TestServer } from './server'

export interface Cast {
  office: Client
  marketReviewer: Client
  taxReviewer: Client
  /** The agent of COMPANY, and of OTHER: two subjects, to show that one never reaches the other's data. */
  agent: Client
  otherAgent: Client
}

/** The people of an application test, signed in: the credit office, two departments' reviewers, two subjects' agents. */
export async function signInCast(server: TestServer): Promise<Cast> {
  const office = await staff(server, 'credit_office', 'office@credit.gov.cn')
  return {
    office,
    marketReviewer: await staff(server, 'department_reviewer', 'reviewer@market.gov.cn', MARKET.creditCode),
    taxReviewer: await staff(server, 'department_reviewer', 'reviewer@tax.gov.cn', TAX.creditCode),
    agent: await agentOf(server, office, 'agent@xinda.example.com', COMPANY.creditCode),
    otherAgent: await agentOf(server, office, 'agent@hongyuan.example.com', OTHER.creditCode, '刘经办'),
  }
}
