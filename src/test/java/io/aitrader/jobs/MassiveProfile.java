package io.aitrader.jobs;

import java.util.List;

import io.aitrader.prices.MassiveStandIn;
import io.quarkus.test.junit.QuarkusTestProfile;

/** A Massive key pointing at the project's stand-in, and an empty price store of its own. */
public class MassiveProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(MassiveStandIn.class));
    }
}
