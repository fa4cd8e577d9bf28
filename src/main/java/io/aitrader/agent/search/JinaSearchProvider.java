package io.aitrader.agent.search;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.InformationSearch;
import io.aitrader.platform.http.SharedHttpClient;

/** The get_information search of this deployment: Jina when {@code JINA_API_KEY} is set, otherwise none. */
@ApplicationScoped
public class JinaSearchProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JinaSettings settings;
    private final SharedHttpClient http;

    JinaSearchProvider(JinaSettings settings, SharedHttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    public Optional<InformationSearch> search() {
        return settings.jinaApiKey().filter(key -> !key.isBlank())
                .map(key -> new JinaSearch(new JinaHttp(http.client(), key, TIMEOUT), settings.jina().searchUrl(),
                        settings.jina().readerUrl(), Clock.systemUTC()));
    }
}
