package io.aitrader.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard page (templates/dashboard/page.html) and its fragments, which the page's script swaps in. */
@CheckedTemplate(basePath = "dashboard")
final class DashboardTemplates {

    private DashboardTemplates() {
    }

    /**
     * {@code priceSource}: the price store's source (sample, synthetic, imported or null when empty); {@code locked}:
     * API keys are on and the request had none, so the panels are empty until the script fills them.
     */
    static native TemplateInstance page(PerformancePanel performance, JobsPanel jobs, DayPanel day,
            String priceSource, boolean locked);

    static native TemplateInstance page$performance(PerformancePanel performance);

    static native TemplateInstance page$jobs(JobsPanel jobs);

    static native TemplateInstance page$day(DayPanel day);
}
