package io.aitrader.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.jobs.trigger.JobCreated;
import io.aitrader.jobs.trigger.TriggerAnswer;
import io.aitrader.jobs.trigger.TriggerRequest;
import io.aitrader.jobs.trigger.TriggerService;
import io.aitrader.jobs.trigger.UpToDate;
import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.prices.PriceStartup;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * simulate: one trigger, as POST /simulate/trigger would make it; the worker runs the job on the event bus as in
 * server mode while this command shows its progress, then prints one line per model.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, description = "Runs one simulation and prints a results table per model.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
        "0:every model-day completed", "1:a model-day failed, was skipped or cancelled",
        "2:refused before running (bad arguments, unknown model, invalid config or settings)"})
public class SimulateCommand implements Callable<Integer> {

    @Option(names = "--start", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "First date (default: each model resumes after its last completed day)")
    LocalDate start;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD", converter = DateConverter.class, description = "Last date (default: the latest trading day with prices)")
    LocalDate end;

    @Option(names = "--models", split = ",", paramLabel = "SIGNATURE", description = "Models to run, comma-separated (default: the config's enabled models)")
    List<String> models;

    @Option(names = "--config", paramLabel = "PATH", description = "Config file inside CONFIGS_DIR (default: DEFAULT_CONFIG_PATH)")
    String config;

    @Option(names = "--replace", description = "Run completed model-days again and replace their results")
    boolean replace;

    @Option(names = "--max-cost", paramLabel = "USD", description = "What the whole run may spend on model calls; days that would start past it are skipped")
    BigDecimal maxCost;

    @Option(names = "--replay-of", paramLabel = "JOB_ID", description = "Run that job's completed model-days again from its recorded model calls: no provider is contacted, nothing is spent")
    String replayOf;

    @Option(names = "--replicas", paramLabel = "N", description = "Run every model as N independent chains <signature>#1..#N (1 to 100), to see how much of a result is chance")
    Integer replicas;

    @Option(names = "--rescore-of", paramLabel = "JOB_ID", description = "Apply that ended job's orders again under --rules, calling no model; results go to <signature>@<rules name>")
    String rescoreOf;

    @Option(names = "--rules", paramLabel = "RULES", description = "With --rescore-of: a rules preset in configs/rules (such as realistic), or a .json rules file inside the configs directory")
    String rules;

    @Spec
    CommandSpec spec;

    private final TriggerService triggers;
    private final JobFollower follower;
    private final RunSummary summaries;
    private final PriceStartup offlinePrices;

    SimulateCommand(TriggerService triggers, JobFollower follower, RunSummary summaries, PriceStartup offlinePrices) {
        this.triggers = triggers;
        this.offlinePrices = offlinePrices;
        this.follower = follower;
        this.summaries = summaries;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TriggerRequest request = new TriggerRequest(config, start == null ? null : start.toString(),
                end == null ? null : end.toString(), models, replace,
                maxCost == null ? null : JsonNodeFactory.instance.numberNode(maxCost), replayOf, rescoreOf,
                rules, replicas == null ? null : JsonNodeFactory.instance.numberNode(replicas));
        offlinePrices.seedOfflineIfEmpty();
        TriggerAnswer answer = triggers.trigger(request, "cli");
        if (answer.body() instanceof UpToDate upToDate) {
            out.println(upToDate.message() + " (last simulated date " + upToDate.lastSimulationDate()
                    + "); use --replace to run it again.");
            out.flush();
            return ExitCodes.OK;
        }
        if (answer.body() instanceof JobStatusView running) {
            err.println("Error: job " + running.jobId() + " (" + running.status() + ") already covers this work; "
                    + "a server using the same DATA_DIR runs it. Follow it with GET /simulate/status/"
                    + running.jobId());
            err.flush();
            return ExitCodes.INCOMPLETE;
        }
        JobCreated created = (JobCreated) answer.body();
        announce(created, out);
        JobStatusView finished = follower.follow(created.jobId());
        List<RunSummary.ModelSummary> rows = summaries.summarise(finished);
        ResultsTable.print(finished, rows, out);
        out.flush();
        return rows.stream().allMatch(RunSummary.ModelSummary::allCompleted) && "completed".equals(finished.status())
                ? ExitCodes.OK
                : ExitCodes.INCOMPLETE;
    }

    private static void announce(JobCreated created, PrintWriter out) {
        out.println("Job " + created.jobId() + ": " + created.totalModelDays() + " model-days, "
                + created.models().size() + " models, " + created.dateRange().get(0) + " to "
                + created.dateRange().get(created.dateRange().size() - 1));
        long completed = created.skipped().stream().filter(s -> PlannedDay.ALREADY_COMPLETED.equals(s.reason()))
                .count();
        if (completed > 0) {
            out.println(completed + " model-days skipped (already completed; --replace runs them again)");
        }
        if (completed < created.skipped().size()) {
            out.println((created.skipped().size() - completed)
                    + " model-days skipped (pending or running in another active job, which runs them)");
        }
        created.warnings().forEach(warning -> out.println("Warning: " + warning));
        out.flush();
    }
}
