package io.aitrader.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PackagedAppTest} against the packaged application: the JVM jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class PackagedAppIT extends PackagedAppTest {
}
