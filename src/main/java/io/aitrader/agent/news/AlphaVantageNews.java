package io.aitrader.agent.news;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.NewsSource;
import io.aitrader.prices.AlphaVantageClient;

/**
 * {@code get_news} through Alpha Vantage's {@code NEWS_SENTIMENT} (contract 12), offered when ALPHAADVANTAGE_API_KEY is
 * set; its requests share the price downloads' budget and retries. The API has no free-text search: a query that
 * names one of its topics asks for that topic, any other keeps the articles whose title or summary has one of the
 * query's words. {@code time_to} is a minute before the simulated moment, and {@link NewsFeed} drops again whatever
 * is dated at or after it, or not dated.
 */
@ApplicationScoped
public class AlphaVantageNews implements NewsSource {

    /** Alpha Vantage's NEWS_SENTIMENT topics. */
    static final Set<String> TOPICS = Set.of("blockchain", "earnings", "ipo", "mergers_and_acquisitions",
            "financial_markets", "economy_fiscal", "economy_monetary", "economy_macro", "energy_transportation",
            "finance", "life_sciences", "manufacturing", "real_estate", "retail_wholesale", "technology");
    static final int LIMIT = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlphaVantageClient client;

    AlphaVantageNews(AlphaVantageClient client) {
        this.client = client;
    }

    /** True when a key is set: only then is the tool offered. */
    public boolean enabled() {
        return client.enabled();
    }

    @Override
    public JsonNode news(String query, List<String> tickers, Instant before) {
        String wanted = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String topic = TOPICS.contains(wanted.replace(' ', '_')) ? wanted.replace(' ', '_') : "";
        List<String> words = topic.isEmpty()
                ? Arrays.stream(wanted.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() >= 3).toList()
                : List.of();
        AlphaVantageClient.NewsAnswer answer;
        try {
            answer = client.fetchNews(String.join(",", tickers), topic,
                    LocalDateTime.ofInstant(before.minusSeconds(60), NewsFeed.PUBLISHED_ZONE), LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NewsFailure("the news request was interrupted");
        }
        if (answer.failure() != null) {
            throw new NewsFailure("news unavailable: " + answer.failure());
        }
        JsonNode root;
        try {
            root = JSON.readTree(answer.body());
        } catch (JsonProcessingException e) {
            throw new NewsFailure("news unavailable: Alpha Vantage's answer is not JSON");
        }
        if (root.has("Note") || root.has("Information")) {
            throw new NewsFailure("news unavailable: Alpha Vantage's request limit is reached; continue without"
                    + " news or try again later");
        }
        if (!root.path("feed").isArray()) {
            throw new NewsFailure("news unavailable: Alpha Vantage answered without a feed"
                    + (root.has("Error Message") ? " (it refused the request)" : ""));
        }
        String asked = (tickers.isEmpty() ? "" : "tickers " + String.join(",", tickers))
                + (tickers.isEmpty() || wanted.isEmpty() ? "" : ", ") + (wanted.isEmpty() ? "" : "query " + wanted);
        return NewsFeed.toJson(root, before, words, asked);
    }
}
