"use client";

import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/auth/form-state";
import { Field } from "@/components/field";
import { FormStatus } from "@/components/form-status";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const ROLE_OPTIONS = [
  { value: "owner", label: "Owner" },
  { value: "editor", label: "Editor" },
  { value: "viewer", label: "Viewer" },
];

/** A ticked box that a form must carry to go ahead: the confirm step, without JavaScript. */
function ConfirmBox({ id, name = "confirm", label, errors }: { id: string; name?: string; label: string; errors?: string[] }) {
  return (
    <div className="choice">
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`}>
          {errors[0]}
        </p>
      ) : null}
      <label>
        <input type="checkbox" id={id} name={name} value="yes" aria-describedby={errors?.length ? `${id}-error` : undefined} aria-invalid={errors?.length ? true : undefined} /> {label}
      </label>
    </div>
  );
}

/** One member's role, changed with a select and a button. */
export function ChangeRoleForm({ action, membershipId, role, who }: { action: Action; membershipId: string; role: string; who: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="inline-form" noValidate>
      <input type="hidden" name="membershipId" value={membershipId} />
      <Field idPrefix={`role-${membershipId}`} name="role" label={`Role of ${who}`} options={ROLE_OPTIONS} defaultValue={state.values?.role ?? role} errors={state.fieldErrors?.role} />
      <button type="submit" className="secondary" disabled={pending}>
        Change role<span className="visually-hidden"> of {who}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** "Remove" behind a confirmation box. */
export function RemoveMemberForm({ action, membershipId, who, isYou }: { action: Action; membershipId: string; who: string; isYou: boolean }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <details className="inline-remove" open={Boolean(state.message && !state.ok)}>
      <summary>
        {isYou ? "Leave the workspace" : "Remove"}
        <span className="visually-hidden"> {who}</span>
      </summary>
      <form action={formAction} className="stack" noValidate>
        <FormStatus state={state} />
        <input type="hidden" name="membershipId" value={membershipId} />
        <ConfirmBox
          id={`remove-${membershipId}-confirm`}
          label={isYou ? "Yes, remove me from this workspace (I am signed out at once)" : `Yes, remove ${who}: they are signed out at once`}
          errors={state.fieldErrors?.confirm}
        />
        <div>
          <button type="submit" className="secondary" disabled={pending}>
            {isYou ? "Leave" : "Remove"}
            <span className="visually-hidden"> {who}</span>
          </button>
        </div>
      </form>
    </details>
  );
}

/** Withdraws an invitation; its link stops working. */
export function RevokeInvitationForm({ action, invitationId, email }: { action: Action; invitationId: string; email: string }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="invitationId" value={invitationId} />
      <button type="submit" className="secondary" disabled={pending}>
        Withdraw<span className="visually-hidden"> the invitation to {email}</span>
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** An owner makes another member owner, and may step down to editor at the same time. */
export function TransferOwnershipForm({ action, candidates }: { action: Action; candidates: Array<{ value: string; label: string }> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormStatus state={state} />
      <Field idPrefix="transfer" name="membershipId" label="New owner" options={candidates} defaultValue={state.values?.membershipId ?? candidates[0]?.value} errors={state.fieldErrors?.membershipId} />
      <ConfirmBox id="transfer-stepDown" name="stepDown" label="Make me an editor once they are an owner" />
      <ConfirmBox id="transfer-confirm" label="Yes, make them an owner: they can then manage members and remove anyone, me included" errors={state.fieldErrors?.confirm} />
      <div>
        <button type="submit" disabled={pending}>
          Hand over ownership
        </button>
      </div>
    </form>
  );
}
