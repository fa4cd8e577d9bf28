package io.aitrader.agent.factory;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.aitrader.agent.AgentLoop;
import io.aitrader.agent.AgentMetrics;
import io.aitrader.agent.CallTape;
import io.aitrader.agent.InformationSearch;
import io.aitrader.agent.ModelCaller;
import io.aitrader.agent.NewsSource;
import io.aitrader.agent.RecordedAnswers;
import io.aitrader.agent.Trader;
import io.aitrader.agent.builtin.BuiltinTraders;
import io.aitrader.agent.llm.ChatModels;
import io.aitrader.agent.llm.RetryingModelCaller;
import io.aitrader.agent.mock.MockChatModel;
import io.aitrader.agent.news.AlphaVantageNews;
import io.aitrader.agent.search.JinaSearchProvider;
import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;
import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.Pause;

import dev.langchain4j.model.chat.ChatModel;

/**
 * Builds the trader of a configured model: the LLM agent loop over its provider (built at run time from the job's
 * config, with the retry policy and, when configured, web search), the offline mock, or a builtin baseline.
 */
@ApplicationScoped
public class TraderFactory {

    private final InformationSearch search;
    private final NewsSource news;
    private final Pause pause;
    private final AgentMetrics metrics;
    private final HttpClient http;

    @Inject
    TraderFactory(JinaSearchProvider jina, AlphaVantageNews news, AgentMetrics metrics, SharedHttpClient http) {
        this(jina.search().orElse(null), news.enabled() ? news : null, Pause.system(), metrics, http);
    }

    /** {@code search} may be null (no get_information tool); {@code pause} waits between retries. */
    public TraderFactory(InformationSearch search, Pause pause, SharedHttpClient http) {
        this(search, pause, AgentMetrics.NONE, http);
    }

    /** As above, with the meters of LLM and tool calls. */
    public TraderFactory(InformationSearch search, Pause pause, AgentMetrics metrics, SharedHttpClient http) {
        this(search, null, pause, metrics, http);
    }

    /** As above; {@code news} (may be null: no get_news tool) answers get_news. */
    public TraderFactory(InformationSearch search, NewsSource news, Pause pause, AgentMetrics metrics,
            SharedHttpClient http) {
        this.news = news;
        this.search = search;
        this.pause = pause;
        this.metrics = metrics;
        this.http = http.client();
    }

    public Trader create(ModelSpec spec, AgentSettings settings, List<String> universe) {
        return create(spec, settings, universe, null);
    }

    /** As above; {@code answers} (may be null) answers an LLM's calls from a replay's recordings or the cache. */
    public Trader create(ModelSpec spec, AgentSettings settings, List<String> universe, RecordedAnswers answers) {
        String provider = spec.provider() == null ? ModelSpec.OPENAI : spec.provider().trim().toLowerCase(Locale.ROOT);
        return switch (provider) {
            case ModelSpec.MOCK -> new AgentLoop(ModelCaller.of(MockChatModel.from(spec, universe), null,
                    metrics.llm(ModelSpec.MOCK)), null, false, metrics.tools());
            case ModelSpec.BUILTIN -> BuiltinTraders.forBasemodel(spec.basemodel())
                    .orElseThrow(() -> new IllegalArgumentException("model " + spec.signature()
                            + ": unknown builtin basemodel '" + spec.basemodel() + "'"));
            case ModelSpec.OPENAI, ChatModels.OLLAMA, ChatModels.ANTHROPIC -> llm(provider, spec, settings, answers);
            default -> throw new IllegalArgumentException(
                    "model " + spec.signature() + ": unsupported provider '" + provider + "'");
        };
    }

    private Trader llm(String provider, ModelSpec spec, AgentSettings settings, RecordedAnswers answers) {
        CallTape tape = new CallTape();
        ChatModel model = ChatModels.build(provider, spec, settings, http, tape);
        ModelCaller caller = new RetryingModelCaller(spec.signature(), model, spec.apiKey(),
                RetryingModelCaller.policy(settings), pause, metrics.llm(provider));
        return new AgentLoop(caller, search, news, true, metrics.tools(), tape, answers);
    }
}
