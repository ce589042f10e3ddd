/** Shown only to people in more than one workspace. */
export function WorkspaceSwitcher({
  action,
  current,
  workspaces,
}: {
  action: (formData: FormData) => Promise<void>;
  current: string;
  workspaces: Array<{ id: string; name: string }>;
}) {
  return (
    <form action={action} className="workspace-switcher">
      <label htmlFor="workspace-switch">Workspace</label>{" "}
      <select id="workspace-switch" name="workspaceId" defaultValue={current}>
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit">Switch</button>
    </form>
  );
}
