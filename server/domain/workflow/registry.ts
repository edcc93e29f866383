import { onClaimDecided } from '../claims'
import { claimWorkflow } from '../claims/workflow'
import { afterObjectionStep, objectionContext, onObjectionStep } from '../objections'
import { objectionWorkflow } from '../objections/workflow'
import { afterRepairStep, onRepairStep, repairContext } from '../repairs/steps'
import { repairWorkflow } from '../repairs/workflow'
import { onRegistrationStep, registrationContext } from '../registrations/steps'
import { registrationWorkflow } from '../registrations/workflow'
import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import type { Application, Effects } from './applications'
import type { ApplicationKind, Workflow } from './machine'

export interface WorkflowKind {
  workflow: Workflow
  effects?: Effects
  /** Who else to tell once a step has committed (the applicant is always told of staff steps). */
  afterStep?: (db: Database, mailer: Mailer | null, application: Application, action: string, siteUrl: string) => Promise<void>
  /** What the detail page shows beside the submitted data, e.g. the record an objection is about. */
  context?: (db: Database, application: Application, forStaff: boolean) => Promise<Record<string, unknown>>
}

/** Each application kind's workflow; commitments join here. */
export const workflowKinds: Partial<Record<ApplicationKind, WorkflowKind>> = {
  claim: { workflow: claimWorkflow, effects: onClaimDecided },
  objection: { workflow: objectionWorkflow, effects: onObjectionStep, afterStep: afterObjectionStep, context: objectionContext },
  repair: { workflow: repairWorkflow, effects: onRepairStep, afterStep: afterRepairStep, context: repairContext },
  registration: { workflow: registrationWorkflow, effects: onRegistrationStep, context: registrationContext },
}

export function workflowOf(kind: ApplicationKind): WorkflowKind {
  const found = workflowKinds[kind]
  if (!found) throw new Error(`no workflow for ${kind}`)
  return found
}
