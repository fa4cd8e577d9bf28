package io.aitrader.dashboard;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeys;
import io.aitrader.errors.ApiError;
import io.aitrader.jobs.api.JobService;
import io.aitrader.platform.concurrent.WorkerPools;
import io.aitrader.prices.PriceRepository;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The dashboard (contract 5): a server-rendered page at / and /dashboard, and the fragments its script swaps in to
 * follow jobs live and change the range or the model-day without reloading. With API keys on, a page request (which
 * a browser cannot send with a header) gets the page without data; its script asks for the key once, keeps it in the
 * tab's sessionStorage and loads every panel through the fragments, which need the key. Every panel reads the
 * database, which blocks, so each pipeline runs on the named worker pool ({@code runSubscriptionOn}), never on the
 * event loop.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Dashboard", description = "The server-rendered HTML dashboard (open even when API keys are on; its data then needs the key)")
public class DashboardResource {

    private final PerformancePanels performance;
    private final DayPanels days;
    private final JobService jobs;
    private final PriceRepository prices;
    private final ApiKeys keys;
    private final WorkerPools pools;

    DashboardResource(PerformancePanels performance, DayPanels days, JobService jobs, PriceRepository prices,
            ApiKeys keys, WorkerPools pools) {
        this.performance = performance;
        this.days = days;
        this.jobs = jobs;
        this.prices = prices;
        this.keys = keys;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "getDashboard", summary = "The dashboard (HTML)", description = "Leaderboard, equity curves against the benchmark, "
            + "live job progress and a per-model-day view. Same as /dashboard.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes text/html", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<TemplateInstance> root(@QueryParam("start_date") String start, @QueryParam("end_date") String end,
            @QueryParam("benchmark") String benchmark, @QueryParam("out_of_sample") String outOfSample,
            @QueryParam("market") String market, @Context RoutingContext http) {
        return dashboard(start, end, benchmark, outOfSample, market, http);
    }

    @GET
    @Path("dashboard")
    @Operation(operationId = "getDashboardPage", summary = "The dashboard (HTML)", description = "Same as /.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes text/html", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<TemplateInstance> dashboard(@QueryParam("start_date") String start,
            @QueryParam("end_date") String end, @QueryParam("benchmark") String benchmark,
            @QueryParam("out_of_sample") String outOfSample, @QueryParam("market") String market,
            @Context RoutingContext http) {
        boolean admitted = keys.admits(http);
        return Uni.createFrom().item(() -> admitted
                ? page(start, end, benchmark, outOfSample, market)
                : keyPage(start, end, benchmark))
                .runSubscriptionOn(pools.blocking());
    }

    /** The page without data: its script asks for the key and loads the panels through the fragments. */
    private static TemplateInstance keyPage(String start, String end, String benchmark) {
        return DashboardTemplates.page(PerformancePanel.failed(value(start), value(end), value(benchmark), "",
                "Enter the API key to see the results.", List.of()), new JobsPanel(List.of()),
                DayPanel.empty("", "", "No results yet."), null, true);
    }

    private TemplateInstance page(String start, String end, String benchmark, String outOfSample, String market) {
        PerformancePanel panel = performance.build(start, end, benchmark, outOfSample, market);
        String model = panel.models().isEmpty() ? null : panel.models().get(0);
        String date = panel.dates().isEmpty() ? null : panel.dates().get(0);
        DayPanel day = model == null ? DayPanel.empty("", "", "No results yet.") : days.build(model, date);
        return DashboardTemplates.page(panel, jobsPanel(), day, prices.summary().source(), false);
    }

    private static String value(String input) {
        return input == null ? "" : input;
    }

    @GET
    @Path("dashboard/fragments/performance")
    @Operation(hidden = true)
    public Uni<TemplateInstance> performanceFragment(@QueryParam("start_date") String start,
            @QueryParam("end_date") String end, @QueryParam("benchmark") String benchmark,
            @QueryParam("out_of_sample") String outOfSample, @QueryParam("market") String market) {
        return Uni.createFrom()
                .item(() -> DashboardTemplates.page$performance(
                        performance.build(start, end, benchmark, outOfSample, market)))
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("dashboard/fragments/jobs")
    @Operation(hidden = true)
    public Uni<TemplateInstance> jobsFragment() {
        return Uni.createFrom().item(() -> DashboardTemplates.page$jobs(jobsPanel()))
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("dashboard/fragments/day")
    @Operation(hidden = true)
    public Uni<TemplateInstance> dayFragment(@QueryParam("model") String model, @QueryParam("date") String date) {
        return Uni.createFrom().item(() -> DashboardTemplates.page$day(days.build(model, date)))
                .runSubscriptionOn(pools.blocking());
    }

    private JobsPanel jobsPanel() {
        return new JobsPanel(jobs.list(null, JobsPanel.SHOWN, 0).stream().map(JobsPanel.Row::from).toList());
    }
}
