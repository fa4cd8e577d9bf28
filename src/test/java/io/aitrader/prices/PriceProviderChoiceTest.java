package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.PriceSettings.PriceProvider;

/** PRICE_PROVIDER: auto picks Massive, then Alpha Vantage, by the keys set; a named provider needs its own key. */
class PriceProviderChoiceTest {

    @Test
    void autoPrefersMassiveThenAlphaVantageThenNone() {
        assertEquals(PriceProvider.MASSIVE, settings(PriceProvider.AUTO, "m", "a").activeProvider());
        assertEquals(PriceProvider.MASSIVE, settings(PriceProvider.AUTO, "m", null).activeProvider());
        assertEquals(PriceProvider.ALPHAVANTAGE, settings(PriceProvider.AUTO, null, "a").activeProvider());
        assertEquals(PriceProvider.ALPHAVANTAGE, settings(PriceProvider.AUTO, "  ", "a").activeProvider());
        assertEquals(PriceProvider.NONE, settings(PriceProvider.AUTO, null, null).activeProvider());
    }

    @Test
    void aNamedProviderRunsOnlyWithItsOwnKeyAndNoneNever() {
        assertEquals(PriceProvider.ALPHAVANTAGE, settings(PriceProvider.ALPHAVANTAGE, "m", "a").activeProvider());
        assertEquals(PriceProvider.NONE, settings(PriceProvider.ALPHAVANTAGE, "m", null).activeProvider());
        assertEquals(PriceProvider.MASSIVE, settings(PriceProvider.MASSIVE, "m", "a").activeProvider());
        assertEquals(PriceProvider.NONE, settings(PriceProvider.MASSIVE, null, "a").activeProvider());
        assertEquals(PriceProvider.NONE, settings(PriceProvider.NONE, "m", "a").activeProvider());
    }

    private static PriceSettings settings(PriceProvider provider, String massiveKey, String alphaVantageKey) {
        PriceSettings.Massive massive = proxy(PriceSettings.Massive.class, "apiKey", Optional.ofNullable(massiveKey));
        PriceSettings.AlphaVantage alphaVantage = proxy(PriceSettings.AlphaVantage.class, "apiKey",
                Optional.ofNullable(alphaVantageKey));
        InvocationHandler handler = (self, method, args) -> switch (method.getName()) {
            case "priceProvider" -> provider;
            case "massive" -> massive;
            case "alphaVantage" -> alphaVantage;
            default -> method.isDefault()
                    ? InvocationHandler.invokeDefault(self, method, args)
                    : unsupported(method.getName());
        };
        return (PriceSettings) Proxy.newProxyInstance(PriceSettings.class.getClassLoader(),
                new Class<?>[]{PriceSettings.class}, handler);
    }

    private static <T> T proxy(Class<T> type, String name, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type},
                (self, method, args) -> method.getName().equals(name) ? value : unsupported(method.getName())));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }
}
