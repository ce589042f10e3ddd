// The request page's "Research answers" section: shown only when the request belongs to a
// batch with research questions (lib/findings decides), one form per question.
import Link from "next/link";
import type { Actor } from "@/lib/auth/access";
import { getAnswerSheet } from "@/lib/findings/answers";
import { AnswerSheet } from "@/components/answer-sheet";
import { clearAnswerAction, saveAnswerAction } from "@/app/(app)/findings/actions";

export async function ResearchAnswers({ actor, requestId }: { actor: Actor; requestId: string }) {
  const sheet = await getAnswerSheet(actor, requestId);
  if (!sheet) return null;
  return (
    <section aria-labelledby="research-answers">
      <h2 id="research-answers">Research answers</h2>
      <p>
        <Link href={`/findings/${sheet.batch.id}`}>See the findings of “{sheet.batch.name}”</Link>
      </p>
      <AnswerSheet
        requestId={requestId}
        batchName={sheet.batch.name}
        questions={sheet.questions}
        evidence={sheet.evidence}
        canEdit={sheet.canEdit}
        saveAction={saveAnswerAction}
        clearAction={clearAnswerAction}
      />
    </section>
  );
}
