package io.aitrader.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HttpLayerErrorsTest} against the packaged application, whose HTTP server is configured as in production. */
@QuarkusIntegrationTest
class HttpLayerErrorsIT extends HttpLayerErrorsTest {
}
