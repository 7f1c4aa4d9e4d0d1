// One shape for the life of every case (requests, objections, and whatever comes next):
// statuses, actions, and transitions as data. Each action names the statuses it may start
// from and the status it leads to; `to: null` is the one way to say "records something, the
// status stays". Lookups are always `(from, action)`.

export interface TransitionSpec<S extends string> {
  from: readonly S[];
  /** null: the action records something without changing the status. */
  to: S | null;
}

export interface StateMachine<S extends string, A extends string> {
  readonly statuses: readonly S[];
  readonly actions: readonly A[];
  readonly transitions: Readonly<Record<A, TransitionSpec<S>>>;
  /** The status after `action` from `from`, or undefined when the table does not allow it. */
  next(this: void, from: S, action: A): S | undefined;
  can(this: void, from: S, action: A): boolean;
  /** The actions allowed from `from`, in the order of `actions`. */
  allowedFrom(this: void, from: S): A[];
  isStatus(this: void, value: string): value is S;
}

export function defineStateMachine<S extends string, A extends string>(spec: {
  statuses: readonly S[];
  actions: readonly A[];
  transitions: Record<A, TransitionSpec<S>>;
}): StateMachine<S, A> {
  const known = new Set<string>(spec.statuses);
  for (const action of spec.actions) {
    const t = spec.transitions[action];
    const unknown = [...t.from, ...(t.to === null ? [] : [t.to])].find((s) => !known.has(s));
    if (unknown !== undefined)
      throw new Error(`state machine: action ${action} names unknown status ${unknown}`);
  }
  const next = (from: S, action: A): S | undefined => {
    const t = spec.transitions[action];
    if (!t.from.includes(from)) return undefined;
    return t.to ?? from;
  };
  return {
    statuses: spec.statuses,
    actions: spec.actions,
    transitions: spec.transitions,
    next,
    can: (from, action) => next(from, action) !== undefined,
    allowedFrom: (from) => spec.actions.filter((a) => next(from, a) !== undefined),
    isStatus: (value): value is S => known.has(value),
  };
}
