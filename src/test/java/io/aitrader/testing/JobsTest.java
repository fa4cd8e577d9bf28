package io.aitrader.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import io.aitrader.jobs.view.JobStatusView;

class JobsTest {

    /** The waits decide "ended" and "active" from these lists: they must name every status the service has. */
    @Test
    void theStatusListsSplitTheContractsStatusesExactly() throws Exception {
        Schema schema = JobStatusView.class.getMethod("status").getAnnotation(Schema.class);
        List<String> all = Stream.concat(Jobs.ACTIVE.stream(), Jobs.ENDED.stream()).toList();
        assertEquals(all.size(), Set.copyOf(all).size(), "no status in both lists: " + all);
        assertEquals(Set.of(schema.enumeration()), Set.copyOf(all), Arrays.toString(schema.enumeration()));
    }
}
