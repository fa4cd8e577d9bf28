package io.aitrader.dashboard;

import java.time.LocalDate;
import java.util.List;

import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.prices.DownloadProgress;

/** The latest jobs with their progress; active ones are followed live over Server-Sent Events by the page. */
record JobsPanel(List<Row> rows) {

    static final int SHOWN = 5;

    record Row(String id, String shortId, String status, boolean active, String range, String models, int done,
            int total, int percent, int failed, String created, Download download) {

        static Row from(JobStatusView job) {
            JobStatusView.Progress p = job.progress();
            int done = p.completed() + p.failed() + p.skipped() + p.cancelled();
            List<LocalDate> dates = job.dateRange();
            String range = dates == null || dates.isEmpty()
                    ? Fmt.NONE
                    : dates.size() == 1
                            ? Fmt.day(dates.get(0))
                            : Fmt.day(dates.get(0)) + " → " + Fmt.day(dates.get(dates.size() - 1));
            boolean active = List.of("pending", "downloading_data", "running").contains(job.status());
            int percent = p.totalModelDays() == 0 ? 100 : done * 100 / p.totalModelDays();
            String created = job.createdAt() == null ? "" : job.createdAt().replace('T', ' ').replace("Z", " UTC");
            return new Row(job.jobId(), job.jobId().length() > 8 ? job.jobId().substring(0, 8) : job.jobId(),
                    job.status(), active, range, String.join(", ", job.models()), done, p.totalModelDays(), percent,
                    p.failed(), created, Download.from(p.download()));
        }
    }

    /** The price download of a job that is downloading_data: symbols done of total, failures, ETA. */
    record Download(int done, int total, int percent, int failed, String eta) {

        static Download from(DownloadProgress progress) {
            if (progress == null) {
                return null;
            }
            int ended = progress.symbolsDone() + progress.symbolsFailed();
            int total = progress.symbolsTotal();
            return new Download(progress.symbolsDone(), total, total == 0 ? 100 : ended * 100 / total,
                    progress.symbolsFailed(), DownloadProgress.readable(progress.etaSeconds()));
        }
    }
}
