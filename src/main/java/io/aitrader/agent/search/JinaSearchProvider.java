package io.aitrader.agent.search;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.InformationSearch;
import io.aitrader.config.ServiceSettings;

/** The get_information search of this deployment: Jina when {@code JINA_API_KEY} is set, otherwise none. */
@ApplicationScoped
public class JinaSearchProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ServiceSettings settings;

    JinaSearchProvider(ServiceSettings settings) {
        this.settings = settings;
    }

    public Optional<InformationSearch> search() {
        return settings.jinaApiKey().filter(key -> !key.isBlank()).map(key -> new JinaSearch(key,
                settings.jina().searchUrl(), settings.jina().readerUrl(), TIMEOUT, Clock.systemUTC()));
    }
}
