package io.aitrader.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The malformed-request corpus of the bad-input suite: bad JSON, wrong types, invalid values, huge bodies and
 * ranges, path traversal in config_path, injection strings in every string field, unknown models, unicode oddities,
 * wrong methods, paths and media types. Every request must be refused with a 4xx; none may change the database.
 */
final class BadRequests {

    /** One request; {@code body} null means none. */
    record Bad(String method, String path, String contentType, byte[] body) {

        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            text = text.length() > 100 ? text.substring(0, 100) + "… (" + body.length + " bytes)" : text;
            return method + " " + (path.length() > 100 ? path.substring(0, 100) + "…" : path) + " " + text;
        }
    }

    static final String JSON = "application/json";
    static final String TRIGGER = "/simulate/trigger";
    static final String[] STRING_FIELDS = {"config_path", "start_date", "end_date", "models"};

    /** Injection and oddity strings, put in every string field of the trigger body. */
    static final List<String> HOSTILE = List.of("' OR '1'='1", "'; DROP TABLE jobs; --", "\" OR \"\"=\"",
            "1; DELETE FROM trading_days", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/a}",
            "%s%s%s%n%x", "{{7*7}}", "#{7*7}", "../../../../etc/passwd", "..\\..\\windows\\win.ini",
            "/etc/passwd", "file:///etc/passwd", "line\r\nX-Injected: 1", "\u202Egnp.exe", "\uFEFF2025-10-01",
            "\uFF12\uFF10\uFF12\uFF15-10-01", "2025-10-01\u200B", "\uD83D\uDE00", "\u0645\u0631\u062D\u0628\u0627",
            "e\u0301", "\uFFFF", "null", "undefined", "NaN", "   ", "A".repeat(10_000));

    private BadRequests() {
    }

    /** The whole corpus; {@code completedJobId} is a finished job (cancelling it is a 409 that changes nothing). */
    static List<Bad> corpus(String completedJobId) {
        List<Bad> all = new ArrayList<>();
        malformedJson(all);
        wrongTypes(all);
        invalidValues(all);
        traversal(all);
        hostileStrings(all);
        unicode(all);
        huge(all);
        queries(all, completedJobId);
        methodsAndMediaTypes(all);
        priceFiles(all);
        return all;
    }

    private static void malformedJson(List<Bad> all) {
        for (String body : List.of("{", "}", "[", "{\"start_date\": }", "{\"start_date\": \"2025-10-01\",}",
                "{'start_date': '2025-10-01'}", "{start_date: \"2025-10-01\"}", "{\"start_date\": \"2025-10-01\"} x",
                "{\"a\":1}{\"b\":2}", "// comment\n{}", "{\"start_date\": NaN}", "{\"end_date\": Infinity}",
                "{\"start_date\": \"2025-10-01\" \"end_date\": \"2025-10-02\"}", "nul", "tru", "\"unterminated",
                "{\"models\": [\"a\",]}", "{\"models\": [\"a\" \"b\"]}", "\u0000", "[1,2,3]", "\"just a string\"", "42",
                "true", "{\"start_date\": \"2025-10-01\\x\"}", "{\"start_date\": \"\\u12\"}", "[".repeat(5000),
                "{\"models\": " + "[".repeat(3000) + "]".repeat(3000) + "}")) {
            all.add(trigger(body));
        }
    }

    private static void wrongTypes(List<Bad> all) {
        for (String field : List.of("config_path", "start_date", "end_date")) {
            for (String value : List.of("7", "true", "{}", "[]", "[\"2025-10-01\"]", "2025.1001", "-1")) {
                all.add(trigger("{\"" + field + "\": " + value + "}"));
            }
        }
        for (String value : List.of("\"mock-trader\"", "42", "{\"a\": 1}", "[[]]", "[{}]", "[[\"mock-trader\"]]",
                "[null]", "true")) {
            all.add(trigger("{\"models\": " + value + "}"));
        }
        for (String value : List.of("\"yes\"", "\"maybe\"", "[true]", "{}", "\"\\u0000\"", "\"\"", "\"  \"")) {
            all.add(trigger("{\"replace_existing\": " + value + "}"));
        }
    }

    private static void invalidValues(List<Bad> all) {
        for (String date : List.of("2025-13-01", "2025-02-30", "2025-02-29", "0000-01-01", "-2025-01-01",
                "+2025-01-01", "99999-01-01", "2025-1-1", "2025/10/01", "20251001", "2025-10-01T00:00:00Z",
                "1 Oct 2025", "tomorrow", "today", "2025-W40-3", "")) {
            all.add(trigger(field("start_date", date) + ""));
            all.add(trigger("{\"start_date\": \"2025-10-01\", \"end_date\": \"" + date + "\"}"));
        }
        for (String[] range : new String[][]{{"2025-10-10", "2025-10-01"}, {"2025-10-01", "2031-01-02"},
                {"1900-01-02", "2025-12-31"}, {"0001-01-01", "9999-12-31"}, {"2024-01-02", "2025-10-01"},
                {"1970-01-01", "2025-10-01"}, {"2025-01-02", "2025-12-31"}}) {
            all.add(trigger("{\"start_date\": \"" + range[0] + "\", \"end_date\": \"" + range[1] + "\"}"));
        }
        for (String models : List.of("[\"nope\"]", "[\"MOCK-TRADER\"]", "[\"mock-trader \"]", "[\" mock-trader\"]",
                "[\"m\u043Eck-trader\"]", "[\"mock-trader\", \"nope\"]", "[\"mock_trader\"]", "[\"\"]")) {
            all.add(trigger("{\"start_date\": \"2025-06-02\", \"end_date\": \"2025-06-03\", \"models\": " + models
                    + "}"));
        }
        for (String body : List.of("{\"unknown\": 1}", "{\"startDate\": \"2025-10-01\"}",
                "{\"start_date\": \"2025-06-02\", \"extra\": null}", "{\"config\": \"configs/default_config.json\"}",
                "{\"models\": [\"mock-trader\"], \"model\": \"mock-trader\"}")) {
            all.add(trigger(body));
        }
    }

    private static void traversal(List<Bad> all) {
        all.add(trigger(field("config_path", "")));
        for (String path : List.of("/etc/passwd", "/etc/passwd.json", "../pom.xml", "../configs/default_config.json",
                "configs/../../etc/passwd.json", "configs/../pom.xml", "configs/%2e%2e/pom.xml", "configs/..%2fx.json",
                "configs/....//....//etc/passwd.json", "configs\\..\\x.json", "configs/./../x.json",
                "src/test/resources/configs/../../../../pom.json", "~/.ssh/id_rsa.json", "file:///etc/passwd.json",
                "http://127.0.0.1:1/config.json", "configs/default_config.json\u0000.txt", "configs/", "configs", ".",
                "..", "/", "configs/nope.json", "configs/nasdaq100_symbols.json", "configs/models_test_invalid.json",
                "/proc/self/environ", "/dev/zero", "configs/" + "a".repeat(600) + ".json", "/tmp/../etc/x.json")) {
            all.add(trigger(field("config_path", path)));
            all.add(new Bad("GET", "/models?config_path=" + encode(path), null, null));
        }
    }

    private static void hostileStrings(List<Bad> all) {
        for (String field : STRING_FIELDS) {
            for (String value : HOSTILE) {
                String json = quote(value);
                all.add(trigger(field.equals("models")
                        ? "{\"models\": [" + json + "]}"
                        : "{\"" + field + "\": " + json + "}"));
            }
        }
    }

    private static void unicode(List<Bad> all) {
        all.add(trigger(bytes("{\"start_date\": \"", new byte[]{(byte) 0xff, (byte) 0xfe}, "\"}")));
        all.add(trigger(bytes("{\"config_path\": \"configs/", new byte[]{(byte) 0xc0, (byte) 0xaf}, ".json\"}")));
        all.add(trigger(bytes("{\"models\": [\"", new byte[]{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "\"]}")));
        all.add(trigger(bytes("", new byte[]{(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "{\"start_date\": 1}")));
        all.add(trigger(bytes("", new byte[]{(byte) 0x80, (byte) 0x81, (byte) 0x82}, "")));
        for (String value : List.of("\\ud800", "\\udfff", "\\ud83d\\ude00x", "\\u0000", "\\u001b[31m")) {
            all.add(trigger("{\"models\": [\"" + value + "\"]}"));
            all.add(trigger("{\"start_date\": \"2025-10-0" + value + "\"}"));
        }
    }

    private static void huge(List<Bad> all) {
        // 70 MB declared: more than quarkus.http.limits.max-body-size (64 MB)
        byte[] seventy = new byte[70 * 1024 * 1024];
        java.util.Arrays.fill(seventy, (byte) ' ');
        seventy[0] = '{';
        seventy[seventy.length - 1] = '}';
        all.add(new Bad("POST", TRIGGER, JSON, seventy));
        all.add(new Bad("POST", "/prices/import", JSON, seventy));
        StringBuilder models = new StringBuilder("{\"models\": [");
        for (int i = 0; i < 100_000; i++) {
            models.append(i == 0 ? "" : ",").append("\"unknown-model-").append(i).append('"');
        }
        all.add(trigger(models.append("]}").toString()));
        all.add(trigger(field("config_path", "configs/" + "x".repeat(1_000_000) + ".json")));
        all.add(trigger(field("start_date", "2".repeat(1_000_000))));
        all.add(new Bad("GET", "/results?date=" + "9".repeat(3000), null, null));
    }

    private static void queries(List<Bad> all, String completedJobId) {
        for (String query : List.of("", "?date=", "?date=2025-13-40", "?date=2025-06-02&detail=everything",
                "?date=1999-01-04", "?date=2025-06-02%27%20OR%201%3D1", "?date=%00",
                "?date=2025-06-02&model=%27%20OR%201%3D1%20--", "?date=2025-06-02&job_id=%3Cscript%3E",
                "?date=2025-06-02&model=..%2F..%2Fetc%2Fpasswd", "?model=mock-trader")) {
            all.add(new Bad("GET", "/results" + query, null, null));
        }
        for (String id : List.of("does-not-exist", "%27%20OR%201%3D1", "..%2F..%2Fetc%2Fpasswd",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x".repeat(3000), "%F0%9F%98%80", "%00", "null")) {
            all.add(new Bad("GET", "/simulate/status/" + id, null, null));
            all.add(new Bad("POST", "/simulate/cancel/" + id, null, null));
        }
        all.add(new Bad("POST", "/simulate/cancel/" + completedJobId, null, null));
        all.add(new Bad("GET", "/simulate/events/does-not-exist", null, null));
        for (String query : List.of("status=sleeping", "status=RUNNING", "limit=-1", "limit=0", "limit=501",
                "limit=abc", "limit=1e9", "offset=-5", "offset=abc", "limit=99999999999999999999",
                "status=%27%20OR%201%3D1")) {
            all.add(new Bad("GET", "/simulate/jobs?" + query, null, null));
        }
        for (String query : List.of("start_date=2025-13-01", "end_date=20251001",
                "start_date=2025-10-10&end_date=2025-10-01",
                "start_date=%27%20OR%201%3D1", "risk_free_rate=abc", "risk_free_rate=NaN", "risk_free_rate=1e999",
                "model=%27%20OR%201%3D1%20--", "start_date=1900-01-01&end_date=1900-02-01",
                "benchmark=%3Cscript%3E&start_date=2025-13-01")) {
            all.add(new Bad("GET", "/performance?" + query, null, null));
        }
        for (String query : List.of("", "?date=2025-13-01", "?job_id=x&full=maybe", "?date=2025-06-02&full=1x",
                "?date=%27%20OR%201%3D1")) {
            all.add(new Bad("GET", "/reasoning" + query, null, null));
        }
    }

    private static void methodsAndMediaTypes(List<Bad> all) {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            all.add(new Bad(method, TRIGGER, method.equals("GET") ? null : JSON, method.equals("GET")
                    ? null
                    : "{}".getBytes(StandardCharsets.UTF_8)));
        }
        for (String[] call : new String[][]{{"DELETE", "/results?date=2025-06-02"}, {"POST", "/results"},
                {"POST", "/health"}, {"DELETE", "/prices/coverage"}, {"PUT", "/models"}, {"GET", "/no/such/endpoint"},
                {"GET", "/simulate"}, {"GET", "/simulate/status/"}, {"POST", "/simulate/jobs"},
                {"GET", "/prices/import"}, {"GET", "/%2e%2e/%2e%2e/etc/passwd"}}) {
            all.add(new Bad(call[0], call[1], null, null));
        }
        for (String[] typed : new String[][]{{"text/plain", "start please"}, {"application/xml", "<a/>"},
                {"application/x-www-form-urlencoded", "start_date=2025-06-02"},
                {"multipart/form-data; boundary=x", "--x\r\n\r\n--x--"}, {"image/png", "\u0089PNG"}}) {
            all.add(new Bad("POST", TRIGGER, typed[0], typed[1].getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void priceFiles(List<Bad> all) {
        for (String body : List.of("", "not json at all", "{\"Meta Data\": {}}", "{\"Time Series (Daily)\": {}}",
                "{\"Error Message\": \"Invalid API call\"}", "[1, 2, 3]", "{\"Meta Data\": {\"2. Symbol\": \"'; DROP"
                        + " TABLE price_data; --\"}}",
                "{")) {
            all.add(new Bad("POST", "/prices/import", JSON, body.getBytes(StandardCharsets.UTF_8)));
        }
        all.add(new Bad("POST", "/prices/import", "application/octet-stream", new byte[]{0, 1, 2, (byte) 0xff}));
    }

    private static Bad trigger(String json) {
        return new Bad("POST", TRIGGER, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private static Bad trigger(byte[] json) {
        return new Bad("POST", TRIGGER, JSON, json);
    }

    private static String field(String name, String value) {
        return "{\"" + name + "\": " + quote(value) + "}";
    }

    /** A JSON string literal of {@code value}. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(raw, 0, all, head.length, raw.length);
        System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
        return all;
    }
}
