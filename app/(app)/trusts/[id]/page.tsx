import type { Metadata } from "next";
import Link from "next/link";
import { formatUkDate } from "@/lib/deadlines";
import { requireWorkspace } from "@/lib/auth/session";
import { roleAtLeast } from "@/lib/auth/access";
import { orNotFound } from "@/lib/edge/domain-error-map";
import { getBody } from "@/lib/bodies/queries";
import { outcomeLabels, statusLabels } from "@/lib/bodies/schemas";
import { foiStatusLabels } from "@/lib/bodies/foi-status";
import { fromDbDate } from "@/lib/requests/dates";
import { statusLabels as requestStatusLabels } from "@/lib/requests/status";
import { BodyEditForm } from "@/components/body-edit-form";
import { updateBodyAction } from "../actions";

export const metadata: Metadata = { title: "Trust" };

const Unknown = ({ what = "unknown" }: { what?: string }) => <span className="unknown">{what}</span>;

export default async function TrustPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, role } = await requireWorkspace();
  const body = await orNotFound(getBody(actor, (await params).id));
  const changedOn = fromDbDate(body.statusChangedOn);
  return (
    <>
      <p>
        <Link href="/trusts">All trusts</Link>
      </p>
      <h1>{body.name}</h1>
      {body.status !== "active" ? (
        <p className="notice">
          <strong>{statusLabels[body.status]}</strong>
          {changedOn ? ` on ${formatUkDate(changedOn)}` : ""}
          {body.successor ? (
            <>
              : now part of <Link href={`/trusts/${body.successor.id}`}>{body.successor.name}</Link>.
            </>
          ) : body.successorName ? (
            <>: now {body.successorName}.</>
          ) : (
            "."
          )}{" "}
          Send new requests to the body that holds its records now.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Short name</dt>
        <dd>{body.shortName ?? <Unknown what="none known" />}</dd>
        <dt>ODS code</dt>
        <dd>{body.odsCode ?? <Unknown />}</dd>
        <dt>NHS region</dt>
        <dd>{body.region ?? <Unknown what="national body" />}</dd>
        <dt>Under the Freedom of Information Act</dt>
        <dd data-testid="foi-status">
          {foiStatusLabels[body.foiStatus]}
          {body.foiStatusSource ? <span className="muted"> Source: {body.foiStatusSource}</span> : null}
        </dd>
        <dt>FOI email</dt>
        <dd>{body.foiEmail ?? <Unknown what="not known yet: add it below" />}</dd>
        <dt>Website</dt>
        <dd>{body.website ? <a href={body.website} rel="noreferrer noopener">{body.website}</a> : <Unknown />}</dd>
        <dt>WhatDoTheyKnow</dt>
        <dd>
          {body.wdtkSlug ? (
            <a href={`https://www.whatdotheyknow.com/body/${encodeURIComponent(body.wdtkSlug)}`} rel="noreferrer noopener">
              whatdotheyknow.com/body/{body.wdtkSlug}
            </a>
          ) : (
            <Unknown what="page not recorded" />
          )}
        </dd>
        {body.predecessors.length > 0 ? (
          <>
            <dt>Took over</dt>
            <dd>
              {body.predecessors.map((p, i) => (
                <span key={p.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/trusts/${p.id}`}>{p.name}</Link>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {body.notes ? (
          <>
            <dt>Notes</dt>
            <dd>{body.notes}</dd>
          </>
        ) : null}
      </dl>
      <h2>What requests said about it</h2>
      {body.outcomes.length === 0 ? (
        <p className="empty">No request has recorded an outcome for this body.</p>
      ) : (
        <ul>
          {body.outcomes.map((o) => (
            <li key={o.request.id}>
              <strong>{outcomeLabels[o.outcome]}</strong>, according to <Link href={`/requests/${o.request.id}`}>{o.request.title}</Link>
              {o.request.authorityRef ? ` (${o.request.authorityRef})` : ""}
              {o.note ? <span className="muted"> {o.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h2>Requests to this body</h2>
      {roleAtLeast(role, "editor") ? (
        <p>
          <Link href={`/requests/new?body=${body.id}`}>Log a request to this body</Link>
        </p>
      ) : null}
      {body.requests.length === 0 ? (
        <p className="empty">No requests to this body yet.</p>
      ) : (
        <ul>
          {body.requests.map((r) => (
            <li key={r.id}>
              <Link href={`/requests/${r.id}`}>{r.title}</Link>: {requestStatusLabels[r.status]}
              {r.dueOn ? `, due ${formatUkDate(fromDbDate(r.dueOn)!)}` : ""}
            </li>
          ))}
        </ul>
      )}
      {roleAtLeast(role, "editor") ? (
        <>
          <h2>Edit</h2>
          <BodyEditForm action={updateBodyAction} body={{ id: body.id, foiEmail: body.foiEmail, website: body.website, notes: body.notes }} />
        </>
      ) : (
        <p className="muted">You have read-only access to this workspace, so you cannot edit this body.</p>
      )}
    </>
  );
}
