/** Says plainly that a part of the app is planned but not built, and what to use meanwhile. */
export function NotBuiltYet({ title, what, meanwhile }: { title: string; what: string; meanwhile: React.ReactNode }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="notice">
        <p>
          <strong>Not built yet.</strong> {what}
        </p>
        <p>{meanwhile}</p>
      </div>
    </>
  );
}
