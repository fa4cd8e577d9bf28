package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Refusals the HTTP layer gives before application code runs (over-long request line or headers, too large a body,
 * wrong method, media type or Accept, unknown path, a request the router cannot route) carry the contract's error
 * shape too. Sent as raw bytes, since no client library sends most of them; {@code HttpLayerErrorsIT} sends the same
 * to the packaged app.
 */
@QuarkusTest
@WithTestResource(PackagedAppData.class)
public class HttpLayerErrorsTest {

    @Test
    void anOverLongRequestLineIs414() throws IOException {
        RawHttp.Answer answer = send("GET /results?date=2025-10-01&model=" + "x".repeat(5_000) + " HTTP/1.1\r\n"
                + "Host: localhost\r\n\r\n");
        JsonPath error = assertErrorShape(answer, 414, "uri_too_long");
        assertEquals(4096, error.getInt("details.max_request_line_bytes"), answer::toString);
        assertEquals("close", answer.header("Connection"), answer::toString);
    }

    @Test
    void aRequestLineJustWithinTheLimitIsServed() throws IOException {
        String start = "GET /results?date=2025-10-01&model=";
        String line = start + "x".repeat(4096 - start.length() - " HTTP/1.1".length()) + " HTTP/1.1";
        assertEquals(4096, line.length());
        RawHttp.Answer answer = send(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertErrorShape(answer, 404, "no_data"); // the application's own answer: no results for that model
    }

    @Test
    void overLargeHeadersAre431() throws IOException {
        RawHttp.Answer answer = send("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(40_000)
                + "\r\n\r\n");
        JsonPath error = assertErrorShape(answer, 431, "headers_too_large");
        assertEquals(20 * 1024, error.getInt("details.max_header_bytes"), answer::toString);
    }

    @Test
    void manySmallHeadersCountTogether() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            headers.append("X-Header-").append(i).append(": ").append("v".repeat(50)).append("\r\n");
        }
        assertErrorShape(send("GET /health HTTP/1.1\r\nHost: localhost\r\n" + headers + "\r\n"), 431,
                "headers_too_large");
    }

    @Test
    void aDeclaredBodyAboveTheLimitIs413() throws IOException {
        RawHttp.Answer answer = send("POST /simulate/trigger HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}");
        assertErrorShape(answer, 413, "payload_too_large");
    }

    @Test
    void aWrongMethodIs405() throws IOException {
        assertErrorShape(send("DELETE /prices/coverage HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                405, "method_not_allowed");
    }

    @Test
    void anAcceptTheEndpointCannotServeIs406() throws IOException {
        assertErrorShape(send("GET /health HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close"
                + "\r\n\r\n"), 406, "not_acceptable");
    }

    @Test
    void aBodyOfTheWrongMediaTypeIs415() throws IOException {
        assertErrorShape(send("POST /simulate/trigger HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 12\r\nConnection: close\r\n\r\nstart please"), 415, "unsupported_media_type");
    }

    @Test
    void unknownPathsAre404() throws IOException {
        for (String path : new String[]{"/no/such/path", "/q/nothing-here", "/assets/missing.css"}) {
            assertErrorShape(send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404,
                    "not_found");
        }
    }

    @Test
    void requestsTheRouterCannotRouteAreRefusedInTheShape() throws IOException {
        assertErrorShape(send("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, "bad_request");
        assertErrorShape(send("GET /health HTTP/1.1\r\nHost: localhost:notaport\r\nConnection: close\r\n\r\n"), 400,
                "bad_request");
        // a request target that is not a path: Vert.x Web routes nothing there
        assertErrorShape(send("GET health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 404,
                "not_found");
    }

    /**
     * What still gets Vert.x' own empty answer: requests its codec cannot decode (a garbage request line, a malformed
     * Content-Length, a line or headers beyond the codec's raised limits) and URIs Quarkus refuses as invalid syntax.
     * Quarkus 3.33 offers no hook before them (Vert.x' HttpServer.invalidRequestHandler is not exposed); they stay
     * 4xx with the connection closed.
     */
    @Test
    void undecodableRequestsAreStillRefusedWithA4xx() throws IOException {
        assertEquals(400, send("HELLO THERE\r\n\r\n").status());
        assertEquals(400, send("POST /simulate/trigger HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}")
                .status());
        assertEquals(400, send("GET /results?date=<x> HTTP/1.1\r\nHost: localhost\r\n\r\n").status());
        assertEquals(414, send("GET /?q=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n").status());
    }

    private static RawHttp.Answer send(String request) throws IOException {
        return RawHttp.send(RestAssured.port, request);
    }

    private static JsonPath assertErrorShape(RawHttp.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer::toString);
        String type = answer.header("Content-Type");
        assertNotNull(type, answer::toString);
        assertTrue(type.startsWith("application/json"), answer::toString);
        JsonPath error = new JsonPath(answer.body());
        assertEquals(code, error.getString("error"), answer::toString);
        assertFalse(error.getString("message").isBlank(), answer::toString);
        for (String internal : new String[]{"Exception", "java.", "stack", "Error id", "at io."}) {
            assertFalse(answer.body().contains(internal), "leaks '" + internal + "': " + answer);
        }
        return error;
    }
}
