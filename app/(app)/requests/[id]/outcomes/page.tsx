import { Fragment } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { OUTCOMES, outcomeLabels, statusLabels } from "@/lib/bodies/schemas";
import { listOutcomes } from "@/lib/outcomes/queries";
import { OUTCOME_SORTS, type OutcomeSort } from "@/lib/outcomes/schemas";
import { OutcomeRowForm } from "@/components/outcome-row-form";
import { OutcomePasteForm } from "@/components/outcome-paste-form";
import { pasteListAction, setOutcomeAction } from "./actions";

export const metadata: Metadata = { title: "Outcomes per trust" };

const sortLabels: Record<OutcomeSort, string> = { outcome: "outcome", name: "name", region: "region" };

export default async function RequestOutcomesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sort?: string }> }) {
  const { actor, role } = await requireWorkspace();
  const { id } = await params;
  const { request, sort, counts, bodies } = await orNotFound(listOutcomes(actor, id, (await searchParams).sort));
  const canEdit = roleAtLeast(role, "editor");
  return (
    <>
      <p>
        <Link href={`/requests/${request.id}`}>Back to the request</Link>
      </p>
      <h1>Outcomes per trust for {request.title}</h1>
      <p className="lede">
        What the response{request.authorityRef ? ` (${request.authorityRef})` : ""} says about each body in the directory.
        {canEdit ? (
          <>
            {" "}
            Change one in the table, or <a href="#paste-heading">paste a list from the response</a>.
          </>
        ) : null}
      </p>

      <h2>How many</h2>
      <dl className="facts">
        {OUTCOMES.map((o) => (
          <Fragment key={o}>
            <dt>{outcomeLabels[o]}</dt>
            <dd>{counts[o]}</dd>
          </Fragment>
        ))}
        <dt>No outcome recorded</dt>
        <dd>{counts.none}</dd>
      </dl>

      <h2 id="table-heading">Every body in the directory</h2>
      <p>
        Order by:{" "}
        {OUTCOME_SORTS.map((s, i) => (
          <span key={s}>
            {i > 0 ? " · " : ""}
            {s === sort ? (
              <strong aria-current="true">{sortLabels[s]}</strong>
            ) : (
              <Link href={`/requests/${request.id}/outcomes?sort=${s}`}>{sortLabels[s]}</Link>
            )}
          </span>
        ))}
      </p>
      <table aria-labelledby="table-heading">
        <caption>
          {bodies.length} bod{bodies.length === 1 ? "y" : "ies"}, ordered by {sortLabels[sort]}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Region</th>
            <th scope="col">Outcome</th>
            {canEdit ? <th scope="col">Change it</th> : null}
          </tr>
        </thead>
        <tbody>
          {bodies.map((b) => (
            <tr key={b.id}>
              <th scope="row" style={{ background: "none", fontWeight: "normal" }}>
                <Link href={`/trusts/${b.id}`}>{b.name}</Link>
                {b.status !== "active" ? <span className="muted"> ({statusLabels[b.status]})</span> : null}
              </th>
              <td>{b.region ?? <span className="unknown">national body</span>}</td>
              <td>
                {b.outcome ? outcomeLabels[b.outcome] : <span className="unknown">none recorded</span>}
                {b.note ? <span className="muted"> {b.note}</span> : null}
              </td>
              {canEdit ? (
                <td>
                  <OutcomeRowForm action={setOutcomeAction} requestId={request.id} body={{ id: b.id, name: b.name, outcome: b.outcome }} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {canEdit ? (
        <section aria-labelledby="paste-heading">
          <h2 id="paste-heading">Paste a list from the response</h2>
          <p>
            Paste the trusts the response lists under one heading, such as the trusts that did not apply, and choose what the response says about them. You will see
            what was found before anything is saved.
          </p>
          <OutcomePasteForm action={pasteListAction} requestId={request.id} />
        </section>
      ) : (
        <p className="muted">You have read-only access to this workspace, so you cannot change outcomes.</p>
      )}
    </>
  );
}
