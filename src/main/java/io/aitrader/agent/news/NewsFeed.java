package io.aitrader.agent.news;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns an Alpha Vantage {@code NEWS_SENTIMENT} answer ({@code feed}: title, url, time_published "20250303T093000",
 * summary, source, overall_sentiment_score, overall_sentiment_label, ticker_sentiment) into the short JSON the model
 * sees, keeping only articles published strictly before the simulated moment. An article without a readable
 * time_published is dropped: a feed fetched today may hold anything. Alpha Vantage does not state the zone of
 * time_published; it is read as New York time, the later of the two readings it could be (New York or UTC), so an
 * article is never let through early.
 */
final class NewsFeed {

    static final ZoneId PUBLISHED_ZONE = ZoneId.of("America/New_York");
    static final int MAX_ARTICLES = 8;
    static final int MAX_SUMMARY = 400;
    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm[ss]",
            Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private NewsFeed() {
    }

    /** The time an article was published, or null when it has none that can be read. */
    static Instant published(JsonNode article) {
        String text = article.path("time_published").asText("").trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, PUBLISHED).atZone(PUBLISHED_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The articles of {@code answer} published before {@code before} whose title or summary has a word of
     * {@code words} (all of them when empty), newest first as the feed lists them, at most {@link #MAX_ARTICLES}.
     */
    static ObjectNode toJson(JsonNode answer, Instant before, List<String> words, String asked) {
        ObjectNode node = JSON.createObjectNode().put("asked", asked)
                .put("note", "only articles published before " + before + " (the simulated moment) are shown");
        ArrayNode articles = node.putArray("articles");
        int tooRecent = 0;
        int undated = 0;
        for (JsonNode article : answer.path("feed")) {
            Instant published = published(article);
            if (published == null) {
                undated++;
                continue;
            }
            if (!published.isBefore(before)) {
                tooRecent++;
                continue;
            }
            if (articles.size() >= MAX_ARTICLES || !matches(article, words)) {
                continue;
            }
            ObjectNode kept = articles.addObject().put("title", clip(article.path("title").asText(""), 200))
                    .put("source", clip(article.path("source").asText(""), 80)).put("time", published.toString())
                    .put("summary", clip(article.path("summary").asText("").replaceAll("\\s+", " ").trim(),
                            MAX_SUMMARY));
            ObjectNode sentiment = kept.putObject("sentiment");
            sentiment.put("label", article.path("overall_sentiment_label").asText(""));
            if (article.path("overall_sentiment_score").isNumber()
                    || article.path("overall_sentiment_score").isTextual()) {
                sentiment.put("score", article.path("overall_sentiment_score").asDouble());
            }
        }
        node.put("dropped_as_too_recent", tooRecent);
        node.put("dropped_as_undated", undated);
        if (articles.isEmpty()) {
            node.put("message", "no articles published before " + before);
        }
        return node;
    }

    private static boolean matches(JsonNode article, List<String> words) {
        if (words.isEmpty()) {
            return true;
        }
        String text = (article.path("title").asText("") + " " + article.path("summary").asText(""))
                .toLowerCase(Locale.ROOT);
        return words.stream().anyMatch(text::contains);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
