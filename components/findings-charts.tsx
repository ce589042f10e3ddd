// Every findings chart, in the order a reader asks: where the requests stand, who answered
// on time, how long each took, what they said, and the same by NHS region.
import { BarChart, type ChartSpec } from "@/components/chart-bar";

export interface FindingsChartsData {
  byStatus: ChartSpec;
  timeliness: ChartSpec;
  timeToRespond: ChartSpec;
  byQuestion: Array<{ chart: ChartSpec }>;
  byRegion: Array<{ region: string; requests: number; timeliness: ChartSpec; yes: ChartSpec }>;
}

export function FindingsCharts({ charts, idPrefix = "chart", openData = false, headingLevel = 3 }: { charts: FindingsChartsData; idPrefix?: string; openData?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="findings-charts">
      <div className="charts-grid">
        <BarChart chart={charts.byStatus} idPrefix={idPrefix} labelHeading="Status" openData={openData} />
        <BarChart chart={charts.timeliness} idPrefix={idPrefix} labelHeading="Answered" openData={openData} />
        {charts.byQuestion.map(({ chart }) => (
          <BarChart key={chart.id} chart={chart} idPrefix={idPrefix} labelHeading="Answer" openData={openData} />
        ))}
      </div>
      <BarChart chart={charts.timeToRespond} idPrefix={idPrefix} labelHeading="Trust" showTotal={false} openData={openData} />
      {charts.byRegion.length > 0 ? (
        <>
          <Heading>By NHS region</Heading>
          {charts.byRegion.map((r) => (
            <section key={r.region} aria-label={`${r.region}: ${r.requests} ${r.requests === 1 ? "request" : "requests"}`} className="charts-grid">
              <BarChart chart={r.timeliness} idPrefix={idPrefix} labelHeading="Answered" openData={openData} />
              {r.yes.series.length > 0 ? <BarChart chart={r.yes} idPrefix={idPrefix} labelHeading="Question" showTotal={false} openData={openData} /> : null}
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
