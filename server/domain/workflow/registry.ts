import { onClaimDecided } from '../claims'
import { claimWorkflow } from '../claims/workflow'
import type { Application } from './applications'
import type { ApplicationKind, Workflow } from './machine'
import type { Database } from '../../utils/db'

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface WorkflowKind {
  workflow: Workflow
  /** What a step changes besides the application, in the same transaction. */
  effects?: (tx: Tx, application: Application) => Promise<void>
}

/** Each application kind's workflow; objections, repairs, commitments and registrations join here. */
export const workflowKinds: Partial<Record<ApplicationKind, WorkflowKind>> = {
  claim: { workflow: claimWorkflow, effects: onClaimDecided },
}

export function workflowOf(kind: ApplicationKind): WorkflowKind {
  const found = workflowKinds[kind]
  if (!found) throw new Error(`no workflow for ${kind}`)
  return found
}
