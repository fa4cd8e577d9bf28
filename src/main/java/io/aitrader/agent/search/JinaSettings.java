package io.aitrader.agent.search;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Jina web search behind the get_information tool. */
@ConfigMapping(prefix = "app")
public interface JinaSettings {

    /** JINA_API_KEY: enables the get_information search tool; never logged. */
    Optional<String> jinaApiKey();

    Jina jina();

    /** The Jina endpoints; tests point them at a local stand-in. */
    interface Jina {
        /** Search API; the query goes in the q parameter. */
        @WithDefault("https://s.jina.ai/")
        String searchUrl();

        /** Reader API; the page URL is appended. */
        @WithDefault("https://r.jina.ai/")
        String readerUrl();
    }
}
