package io.aitrader.jobs.engine;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.RecordedAnswers;
import io.aitrader.agent.Trader;
import io.aitrader.agent.factory.TraderFactory;
import io.aitrader.config.ModelSpec;
import io.aitrader.config.SimulationConfig;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.ModelCallRepository;

/**
 * The trader of one model in one job: the configured one, answering from recordings in a replay or from the response
 * cache of a cached model; in a re-scoring, the source job's orders applied again (no model at all), except for
 * builtin baselines, which trade again under the new rules.
 */
@ApplicationScoped
class JobTraders {

    static final String NO_KEY_NEEDED = "replay-needs-no-key";

    private final TraderFactory factory;
    private final ModelCallRepository modelCalls;
    private final LedgerRepository ledger;

    JobTraders(TraderFactory factory, ModelCallRepository modelCalls, LedgerRepository ledger) {
        this.factory = factory;
        this.modelCalls = modelCalls;
        this.ledger = ledger;
    }

    /**
     * Throws when the model cannot be set up (the day then fails with why). A re-scoring's builtin baselines trade
     * again under the new rules (they call no model and follow rules, so their re-run is the fair comparison).
     */
    Trader create(JobRecord job, SimulationConfig config, ModelSpec spec) {
        if (job.rescoreOf() != null && !ModelSpec.BUILTIN.equals(spec.provider())) {
            String source = spec.option(ModelSpec.RESCORES);
            if (source == null) {
                throw new IllegalArgumentException("model " + spec.signature() + " names no model to re-score");
            }
            return new RescoringTrader(job.rescoreOf(), source, config.rules().name(), ledger);
        }
        ModelSpec model = spec;
        if (job.replay() && (spec.apiKey() == null || spec.apiKey().isBlank())) {
            model = spec.withApiKey(NO_KEY_NEEDED); // never sent: a replay contacts no provider
        }
        return factory.create(model, config.agentConfig(), config.symbols(), answers(job, model));
    }

    private RecordedAnswers answers(JobRecord job, ModelSpec spec) {
        if (job.replay()) {
            return (model, date, recording) -> recording.replaying(
                    modelCalls.listReplayable(job.replayOf(), model, date));
        }
        if (spec.cached()) {
            return (model, date, recording) -> recording.caching(spec.basemodel(), modelCalls::findCachedResponse);
        }
        return null;
    }
}
