package io.aitrader.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;

/**
 * The last few /performance reports with their JSON, by what they are computed from: the resolved query, the version
 * of the stored results (which every write of them raises, migration V11) and the benchmark's bars. Reading those
 * costs three small queries, while the series of 60 models × 250 days, their totals, bootstraps and JSON cost a
 * hundred milliseconds and more; so a repeated request over results that did not change is answered from here, and
 * any change (a committed day, a replaced or stale one, a deleted job, a new price) makes a new key.
 */
@ApplicationScoped
public class PerformanceCache {

    /** A report of 60 models × 250 days is about a megabyte of JSON and as much again as objects. */
    static final int CAPACITY = 8;

    private static final class Entry {
        final PerformanceReport report;
        volatile byte[] json;

        Entry(PerformanceReport report) {
            this.report = report;
        }
    }

    private final ObjectMapper mapper;
    private final Map<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    PerformanceCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The report for {@code key} (a value with equals), built once while it stays among the last few. */
    public PerformanceReport report(Object key, Supplier<PerformanceReport> build) {
        return entry(key, build).report;
    }

    /** The report's JSON as REST would write it, serialised once per report. */
    public byte[] json(Object key, Supplier<PerformanceReport> build) {
        Entry entry = entry(key, build);
        byte[] json = entry.json;
        if (json == null) {
            try {
                json = mapper.writeValueAsBytes(entry.report);
            } catch (JsonProcessingException e) {
                throw new ApiException(500, "internal_error", "The performance report could not be written", null);
            }
            entry.json = json;
        }
        return json;
    }

    private Entry entry(Object key, Supplier<PerformanceReport> build) {
        synchronized (entries) {
            Entry cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Entry built = new Entry(build.get());
        synchronized (entries) {
            entries.put(key, built);
        }
        return built;
    }
}
