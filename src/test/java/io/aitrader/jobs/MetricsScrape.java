package io.aitrader.jobs;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;

/** One scrape of /q/metrics (Prometheus text format), with sums over the series that carry given labels. */
final class MetricsScrape {

    private record Sample(String name, String labels, double value) {
    }

    final String text;
    private final List<Sample> samples = new ArrayList<>();

    private MetricsScrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            String labels = brace >= 0 && brace < space ? line.substring(brace, line.lastIndexOf('}') + 1) : "";
            samples.add(new Sample(name.strip(), labels, Double.parseDouble(line.substring(space + 1))));
        }
    }

    static MetricsScrape take() {
        return new MetricsScrape(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of {@code name}'s series whose labels include every {@code key="value"} given. */
    double sum(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (String label : labels) {
                if (!s.labels().contains(label)) {
                    return false;
                }
            }
            return true;
        }).mapToDouble(Sample::value).sum();
    }

    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }
}
