/** A form, not a script: signing out works before JavaScript arrives. */
export function SignOutButton() {
  return (
    <form method="post" action="/sign-out" className="inline-form">
      <button type="submit">Sign out</button>
    </form>
  );
}
