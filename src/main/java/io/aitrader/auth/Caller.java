package io.aitrader.auth;

import io.vertx.ext.web.RoutingContext;

/** Who made a request, for the audit trail: the API key's name when keys are on, else the client's address. */
public final class Caller {

    private Caller() {
    }

    public static String of(RoutingContext context) {
        if (context == null) {
            return null;
        }
        String keyName = context.get(ApiKeys.KEY_NAME);
        if (keyName != null) {
            return keyName;
        }
        var address = context.request().remoteAddress();
        return address == null ? null : address.host();
    }
}
