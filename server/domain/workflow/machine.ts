import type { Role } from '../../../shared/schemas/accounts'
import { addWorkingDays } from '../../../shared/utils/workingDays'
import type { IsoDate } from '../../../shared/utils/dates'
import { refuse } from '../../utils/errors'

export type ApplicationKind = 'claim' | 'objection' | 'repair' | 'registration' | 'commitment'

/** Who acts: the applicant of this application, or staff by role (and department for reviewers). */
export interface Actor { id: number, role: Role, departmentId: number | null }
export type Party = Role | 'applicant'

export interface Transition<S extends string> {
  label: string
  from: readonly S[]
  to: S
  by: readonly Party[]
  /** A decision against the applicant must say why. */
  reasonRequired?: boolean
  /** Working days the next step gets from today; null when the application is closed; 'keep' leaves the clock running. */
  dueInWorkingDays: number | null | 'keep'
}

export interface Workflow<S extends string = string, A extends string = string> {
  kind: ApplicationKind
  label: string
  initial: S
  initialDueInWorkingDays: number
  states: Record<S, { label: string, open: boolean }>
  transitions: Record<A, Transition<S>>
}

export interface Plan<S extends string> { to: S, dueOn: IsoDate | null | 'keep' }

/** What `actor` may do now: the actions a console or 我的 shows as buttons. */
export function availableActions<S extends string, A extends string>(
  workflow: Workflow<S, A>, state: S, parties: readonly Party[],
): A[] {
  return (Object.keys(workflow.transitions) as A[]).filter((action) => {
    const t = workflow.transitions[action]
    return t.from.includes(state) && t.by.some(p => parties.includes(p))
  })
}

/**
 * Checks one transition against the workflow and says where it leads; refuses with a message that says
 * why when the action is unknown, not allowed from this state, not this party's, or lacks a reason.
 */
export function planTransition<S extends string, A extends string>(
  workflow: Workflow<S, A>, state: S, action: string, parties: readonly Party[], reason: string | undefined, today: IsoDate,
): Plan<S> {
  const transition = (workflow.transitions as Record<string, Transition<S> | undefined>)[action]
  if (!transition) throw refuse(400, `无效的操作：${action}`, 'action')
  if (!transition.by.some(p => parties.includes(p))) throw refuse(403, `您无权对该申请执行“${transition.label}”`, 'action')
  if (!transition.from.includes(state)) {
    throw refuse(409, `申请当前为“${workflow.states[state].label}”，不能${transition.label}`, 'action')
  }
  if (transition.reasonRequired && !reason?.trim()) throw refuse(400, `${transition.label}须填写理由`, 'reason')
  const due = transition.dueInWorkingDays
  const dueOn = due === null || due === 'keep' ? due : addWorkingDays(today, due)
  return { to: transition.to, dueOn }
}

/** The parties an actor is for one application: its applicant, its role, or both. */
export function partiesOf(actor: Actor, application: { applicantId: number }): Party[] {
  return application.applicantId === actor.id ? ['applicant', actor.role] : [actor.role]
}
