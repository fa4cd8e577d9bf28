package io.aitrader.agent.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.InformationSearch;

/**
 * {@code get_information} through Jina: the search API finds pages, the reader API fetches the first few kept ones.
 * No look-ahead: a result dated on or after the simulated day is dropped, at search and again at read time, and so is
 * a result no one dates (contract 12: a page fetched today without a date may tell what happened after the simulated
 * day); a hit the search leaves undated is kept only when the reader dates it before the day. The output is bounded
 * by {@link SearchOutput}.
 */
public final class JinaSearch implements InformationSearch {

    static final int MAX_HITS = 5;
    static final int MAX_READS = 2;
    static final int MAX_QUERY = 500;

    private final JinaHttp http;
    private final String searchUrl;
    private final String readerUrl;
    private final Clock clock;

    JinaSearch(JinaHttp http, String searchUrl, String readerUrl, Clock clock) {
        this.http = http;
        this.searchUrl = searchUrl;
        this.readerUrl = readerUrl.endsWith("/") ? readerUrl : readerUrl + "/";
        this.clock = clock;
    }

    @Override
    public JsonNode search(String query, LocalDate day) {
        String url = searchUrl + (searchUrl.contains("?") ? "&" : "?") + "q="
                + URLEncoder.encode(query.length() <= MAX_QUERY ? query : query.substring(0, MAX_QUERY),
                        StandardCharsets.UTF_8);
        JsonNode answer = http.get(url, Map.of("X-Respond-With", "no-content"), "search");
        SearchOutput output = new SearchOutput(query, day);
        List<SearchOutput.Item> kept = new ArrayList<>();
        for (JsonNode hit : answer.path("data")) {
            String link = hit.path("url").asText("");
            if (link.isBlank() || kept.size() >= MAX_HITS) {
                continue;
            }
            LocalDate date = SearchDates.parse(firstText(hit, "date", "publishedTime"), clock);
            if (date != null && !date.isBefore(day)) {
                output.dropped();
                continue;
            }
            kept.add(new SearchOutput.Item(hit.path("title").asText(""), link, date,
                    firstText(hit, "description", "content")));
        }
        for (int i = 0; i < kept.size(); i++) {
            SearchOutput.Item item = kept.get(i);
            if (i < MAX_READS) {
                item = read(item, day);
            }
            if (item == null) {
                output.dropped();
            } else if (item.date() == null) {
                output.droppedUndated();
            } else {
                output.add(item);
            }
        }
        return output.toJson();
    }

    /** The page's text, or null when the reader dates it on or after the simulated day. */
    private SearchOutput.Item read(SearchOutput.Item item, LocalDate day) {
        JsonNode page;
        try {
            page = http.get(readerUrl + item.url(), Map.of(), "reading the page").path("data");
        } catch (SearchFailure e) {
            return item; // the search snippet is still useful
        }
        LocalDate published = SearchDates.parse(firstText(page, "publishedTime", "date"), clock);
        if (published != null && !published.isBefore(day)) {
            return null;
        }
        LocalDate date = item.date() != null ? item.date() : published;
        String content = page.path("content").asText("");
        return new SearchOutput.Item(item.title(), item.url(), date, content.isBlank() ? item.text() : content);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
