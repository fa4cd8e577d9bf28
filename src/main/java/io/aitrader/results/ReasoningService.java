package io.aitrader.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.errors.ApiException;

/** Builds GET /reasoning: the conversations behind the results, one session per model-day. */
@ApplicationScoped
public class ReasoningService {

    private final ReasoningRepository repository;

    ReasoningService(ReasoningRepository repository) {
        this.repository = repository;
    }

    /** The answer: how many sessions, and the sessions in date then model order. */
    public record Reasoning(int count, List<ReasoningSession> sessions) {
    }

    /** The sessions matching the filter; empty when there are none. */
    public Optional<Reasoning> find(ReasoningRepository.Filter filter, boolean full) {
        Map<Long, ReasoningSession> sessions = repository.listSessions(filter);
        if (sessions.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Map<String, Integer>> usage = repository.listToolUsage(filter);
        Map<Long, List<ReasoningSession.Message>> messages = full ? repository.listMessages(filter) : Map.of();
        List<ReasoningSession> result = sessions.entrySet().stream()
                .map(e -> e.getValue().withDetails(usage.getOrDefault(e.getKey(), Map.of()),
                        full ? messages.getOrDefault(e.getKey(), List.of()) : null))
                .toList();
        return Optional.of(new Reasoning(result.size(), result));
    }

    /** The 404 of a filter that matches no session. */
    public static ApiException noData(ReasoningRepository.Filter filter) {
        return new ApiException(404, "no_data", "No reasoning logs" + describe(filter), null);
    }

    private static String describe(ReasoningRepository.Filter filter) {
        StringBuilder text = new StringBuilder();
        if (filter.jobId() != null) {
            text.append(" for job ").append(clip(filter.jobId()));
        }
        if (filter.date() != null) {
            text.append(" on ").append(filter.date());
        }
        if (filter.model() != null) {
            text.append(" for model ").append(clip(filter.model()));
        }
        return text.toString();
    }

    private static String clip(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
