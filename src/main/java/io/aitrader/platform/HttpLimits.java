package io.aitrader.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The request-size limits the service answers itself, in the error shape (RequestHeadLimitRoute). The HTTP codec's own
 * limits ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size}) sit well above them, since
 * the codec refuses with an empty body.
 */
@ConfigMapping(prefix = "app.http")
public interface HttpLimits {

    /** Longest request line (method, URI with query, version) in bytes; longer is a 414. */
    @WithDefault("4096")
    int maxRequestLine();

    /** Largest header block ("Name: value" lines) in bytes; larger is a 431. */
    @WithDefault("20K")
    MemorySize maxHeaderSize();
}
