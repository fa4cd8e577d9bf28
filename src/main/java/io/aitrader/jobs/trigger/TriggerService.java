package io.aitrader.jobs.trigger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.events.JobAddresses;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.view.JobStatusView;
import io.vertx.core.eventbus.EventBus;

/** Creates jobs atomically under the concurrency limit and hands them to the worker over the event bus. */
@ApplicationScoped
public class TriggerService {

    private final TriggerPlanner planner;
    private final JobAdmission admission;
    private final ModelDayRepository modelDays;
    private final EventBus bus;
    private final ReplayPlanner replays;
    private final RescorePlanner rescores;

    TriggerService(TriggerPlanner planner, JobAdmission admission, ModelDayRepository modelDays, EventBus bus,
            ReplayPlanner replays, RescorePlanner rescores) {
        this.replays = replays;
        this.rescores = rescores;
        this.planner = planner;
        this.admission = admission;
        this.modelDays = modelDays;
        this.bus = bus;
    }

    public TriggerAnswer trigger(TriggerRequest request, String triggeredBy) {
        TriggerRequest asked = request == null ? TriggerRequest.EMPTY : request;
        TriggerPlan plan = plan(asked);
        if (plan.isEmpty()) {
            return new TriggerAnswer(200, planner.upToDate(plan));
        }
        JobAdmission.Decision decision;
        // One trigger at a time in this process keeps waiting triggers from holding every pooled connection;
        // BEGIN IMMEDIATE makes the check-and-insert atomic against other processes too.
        synchronized (this) {
            decision = admission.insertUnlessBlocked(plan, triggeredBy);
        }
        if (!decision.created()) {
            JobRecord existing = decision.job();
            JobStatusView view = JobStatusView.from(existing, modelDays.listByJob(existing.jobId()), true);
            return new TriggerAnswer(200, view.withMessage("Simulation already in progress"));
        }
        bus.send(JobAddresses.RUN, decision.job().jobId());
        return new TriggerAnswer(202, created(decision.job(), decision.plan()));
    }

    private TriggerPlan plan(TriggerRequest asked) {
        if (asked.rescoreOf() != null) {
            return rescores.plan(asked);
        }
        if (asked.rules() != null) {
            throw ApiException.invalidField("invalid_parameter", "rules", null,
                    "rules goes with rescore_of; a config names its own rules in its rules section");
        }
        return asked.replayOf() != null ? replays.plan(asked) : planner.plan(asked, LocalDate.now(ZoneOffset.UTC));
    }

    private static JobCreated created(JobRecord job, TriggerPlan plan) {
        List<JobCreated.Skipped> skipped = plan.skipped().stream()
                .map(d -> new JobCreated.Skipped(d.model(), d.date(), d.reason())).toList();
        String message = "Simulation job created: " + plan.toRun().size() + " model-days over "
                + job.dateRange().size() + " trading days"
                + (plan.warnings().isEmpty() ? "" : "; " + String.join("; ", plan.warnings()));
        return new JobCreated(job.jobId(), job.status().wire(), job.dateRange(), job.models(), plan.toRun().size(),
                skipped, job.warnings(), job.createdAt(), message);
    }
}
