"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

const LINK_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or has already been used. Ask for a new one with \u201cEmail me a sign-in link\u201d.",
  EmailSignin: "We could not send a sign-in link just now. Try again in a minute.",
  CredentialsSignin: "Email or password is not right.",
  SessionRequired: "Please sign in to see that page.",
};

export function SignInForms({ initialError, callbackUrl }: { initialError?: string; callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? (LINK_ERRORS[initialError] ?? "Sign-in failed. Try again.") : null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [linkEmailError, setLinkEmailError] = useState<string | null>(null);

  async function onPassword(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setEmailError(null);
    setPasswordError(null);
    setError(null);
    if (!email) setEmailError("Enter your email address.");
    if (!password) setPasswordError("Enter your password.");
    if (!email || !password) return;
    setPending(true);
    const result = await signIn("password", { email, password, redirect: false });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : LINK_ERRORS.CredentialsSignin!);
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  async function onLink(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    setLinkEmailError(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return setLinkEmailError("Enter an email address, like name@example.org.");
    setPending(true);
    const result = await signIn("email", { email, redirect: false, callbackUrl });
    setPending(false);
    if (result?.error) return setLinkEmailError(LINK_ERRORS.EmailSignin!);
    router.push(`/sign-in/check-email?email=${encodeURIComponent(email)}`);
  }

  return (
    <div className="two-col">
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">With your password</h2>
        <div role="alert" aria-live="assertive">
          {error ? (
            <div className="error-summary" id="sign-in-error">
              <p className="field-error">{error}</p>
            </div>
          ) : null}
        </div>
        <form className="stack" onSubmit={onPassword} noValidate>
          <div className="field">
            <label htmlFor="email">Email address</label>
            <input id="email" name="email" type="email" autoComplete="username" aria-invalid={emailError ? true : undefined} aria-describedby={emailError ? "email-error" : undefined} />
            {emailError ? <p className="field-error" id="email-error">{emailError}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="password">Password</label>
            {passwordError ? <p className="field-error" id="password-error">{passwordError}</p> : null}
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? "password-error" : error ? "sign-in-error" : undefined}
            />
          </div>
          <div>
            <button type="submit" disabled={pending}>
              Sign in
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="link-heading">
        <h2 id="link-heading">With a link by email</h2>
        <p className="muted">We email you a link that signs you in. It works once, for 15 minutes.</p>
        <form className="stack" onSubmit={onLink} noValidate>
          <div className="field">
            <label htmlFor="link-email">Email address</label>
            <input id="link-email" name="email" type="email" autoComplete="email" aria-invalid={linkEmailError ? true : undefined} aria-describedby={linkEmailError ? "link-email-error" : undefined} />
            {linkEmailError ? <p className="field-error" id="link-email-error" role="alert">{linkEmailError}</p> : null}
          </div>
          <div>
            <button type="submit" className="secondary" disabled={pending}>
              Email me a sign-in link
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
