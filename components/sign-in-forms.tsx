// The two sign-in forms, as plain HTML forms that POST to our route handlers: they work
// before (or without) JavaScript, and never put a password in the address bar.
import { FieldShell } from "@/components/field";

const MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one with \u201cEmail me a sign-in link\u201d.",
  EmailSignin: "We could not send a sign-in link just now. Try again in a minute.",
  SessionRequired: "Please sign in to see that page.",
  invalid: "Email or password is not right.",
  CredentialsSignin: "Email or password is not right.",
};

const FIELD_MESSAGES: Record<string, { field: "email" | "password" | "link-email"; text: string }> = {
  "missing-email": { field: "email", text: "Enter your email address." },
  "missing-password": { field: "password", text: "Enter your password." },
  "link-email": { field: "link-email", text: "Enter an email address, like name@example.org." },
};

/** What the sign-in page says for the `error` (and `retry`) it was sent back with. */
export function signInMessage(error: string | undefined, retryMinutes: string | undefined): { summary: string | null; field: { name: string; text: string } | null } {
  if (!error) return { summary: null, field: null };
  const fieldMessage = FIELD_MESSAGES[error];
  if (fieldMessage) return { summary: null, field: { name: fieldMessage.field, text: fieldMessage.text } };
  if (error === "locked") {
    const minutes = Math.max(1, Number(retryMinutes) || 15);
    return { summary: `Too many attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`, field: null };
  }
  return { summary: MESSAGES[error] ?? "Sign-in failed. Try again.", field: null };
}

export function SignInForms({ error, retryMinutes, callbackUrl, email }: { error?: string; retryMinutes?: string; callbackUrl: string; email?: string }) {
  const { summary, field } = signInMessage(error, retryMinutes);
  const errorFor = (name: string) => (field?.name === name ? field.text : null);
  const emailError = errorFor("email");
  const passwordError = errorFor("password");
  const linkEmailError = errorFor("link-email");
  return (
    <div className="two-col">
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">With your password</h2>
        <div role="alert" aria-live="assertive">
          {summary ? (
            <div className="error-summary" id="sign-in-error">
              <p className="field-error">{summary}</p>
            </div>
          ) : null}
        </div>
        <form className="stack" method="post" action="/sign-in/password" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FieldShell id="email" label="Email address" errors={emailError ? [emailError] : undefined}>
            {(control) => <input {...control} name="email" type="email" autoComplete="username" defaultValue={email} maxLength={320} />}
          </FieldShell>
          <FieldShell id="password" label="Password" errors={passwordError ? [passwordError] : undefined}>
            {(control) => (
              <input
                {...control}
                // With no error of its own, the password field is described by the sign-in summary.
                aria-describedby={control["aria-describedby"] ?? (summary ? "sign-in-error" : undefined)}
                name="password"
                type="password"
                autoComplete="current-password"
                maxLength={200}
              />
            )}
          </FieldShell>
          <div>
            <button type="submit">Sign in</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="link-heading">
        <h2 id="link-heading">With a link by email</h2>
        <p className="muted">We email you a link that signs you in. It works once, for 15 minutes.</p>
        <form className="stack" method="post" action="/sign-in/link" noValidate>
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <FieldShell id="link-email" label="Email address" errors={linkEmailError ? [linkEmailError] : undefined}>
            {(control) => <input {...control} name="email" type="email" autoComplete="email" maxLength={320} />}
          </FieldShell>
          <div>
            <button type="submit" className="secondary">
              Email me a sign-in link
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
